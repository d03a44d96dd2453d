package org.unmixer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPreferencesTest {
    @TempDir
    Path dir;

    @Test
    void sizeAndLastFolderSurviveARestart() throws Exception {
        Path file = dir.resolve("cfg/window.json");
        Path sounds = Files.createDirectories(dir.resolve("sounds"));
        AppPreferences p = AppPreferences.load(file);
        p.setSize(1000, 700);
        p.rememberFolderOf(sounds.resolve("kick.wav"));
        assertThat(p.save()).isTrue();

        AppPreferences back = AppPreferences.load(file);
        assertThat(back.width()).isEqualTo(1000);
        assertThat(back.height()).isEqualTo(700);
        assertThat(back.lastFolder()).isEqualTo(sounds.toAbsolutePath());
    }

    @Test
    void aMissingOrBrokenFileGivesTheDefaultsAndHome() throws Exception {
        Path file = dir.resolve("window.json");
        Files.writeString(file, "{ not json");
        AppPreferences p = AppPreferences.load(file);
        assertThat(p.width()).isEqualTo(AppPreferences.DEFAULT_WIDTH);
        assertThat(p.height()).isEqualTo(AppPreferences.DEFAULT_HEIGHT);
        assertThat(p.lastFolder()).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void aFolderThatIsGoneFallsBackToHome() {
        AppPreferences p = AppPreferences.load(dir.resolve("none.json"));
        p.rememberFolderOf(dir.resolve("gone/sub/x.wav"));
        assertThat(p.lastFolder()).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
