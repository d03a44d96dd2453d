package org.unmixer.app.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unmixer.app.spectrogram.ArgbImage;

/** Snapshots to PNG and ArgbImage to JavaFX, headless (the toolkit runs on Monocle, see pom.xml). */
@ExtendWith(ApplicationExtension.class)
class SnapshotsTest {
    @TempDir
    Path dir;

    private Scene scene;
    private Region red;

    private static Region box(Color c, double w, double h) {
        Region r = new Region();
        r.setBackground(new Background(new BackgroundFill(c, CornerRadii.EMPTY, Insets.EMPTY)));
        r.setMinSize(w, h);
        r.setPrefSize(w, h);
        r.setMaxSize(w, h);
        return r;
    }

    @Start
    void start(Stage stage) {
        red = box(Color.rgb(200, 30, 40), 60, 40);
        HBox root = new HBox(red, box(Color.rgb(20, 40, 220), 40, 40));
        scene = new Scene(root, 100, 40);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void sceneSnapshotIsSavedAsAPngWithItsPixels() throws IOException {
        Path png = dir.resolve("window.png");
        Snapshots.savePng(scene, png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertThat(back.getWidth()).isEqualTo(100);
        assertThat(back.getHeight()).isEqualTo(40);
        assertThat(back.getRGB(10, 20)).isEqualTo(0xFFC81E28);
        assertThat(back.getRGB(90, 20)).isEqualTo(0xFF1428DC);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(png); // no temporary file left behind
        }
    }

    @Test
    void nodeSnapshotHasTheNodesSize() throws IOException {
        Path png = dir.resolve("red.png");
        Snapshots.savePng(red, png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertThat(back.getWidth()).isEqualTo(60);
        assertThat(back.getRGB(59, 39)).isEqualTo(0xFFC81E28);
    }

    @Test
    void argbImageSurvivesTheTripThroughJavaFxAndPngExactlyIncludingAlpha() throws IOException {
        int[] px = {0xFF000000, 0xFFFFFFFF, 0x80FF0000, 0xFF00FF00, 0xFF0000FF, 0x00000000};
        WritableImage fx = FxImages.toWritableImage(new ArgbImage(px, 3, 2));
        int[] read = new int[6];
        fx.getPixelReader().getPixels(0, 0, 3, 2, PixelFormat.getIntArgbInstance(), read, 0, 3);
        assertThat(read).containsExactly(px);

        Path png = dir.resolve("pixels.png");
        Snapshots.writePng(fx, png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertThat(back.getRGB(0, 0, 3, 2, null, 0, 3)).containsExactly(px);
    }

    @Test
    void imageViewOfASpectrogramPictureSnapshotsToItsPixels() throws IOException {
        int[] px = new int[8 * 4];
        java.util.Arrays.fill(px, 0xFF336699);
        ImageView view = new ImageView(FxImages.toWritableImage(new ArgbImage(px, 8, 4)));
        Path png = dir.resolve("view.png");
        Snapshots.savePng(view, png);
        assertThat(ImageIO.read(png.toFile()).getRGB(4, 2)).isEqualTo(0xFF336699);
    }

    @Test
    void unwritablePlaceFailsWithAnIoExceptionAndLeavesNothing() throws IOException {
        WritableImage img = FxImages.toWritableImage(new ArgbImage(new int[] {0xFF000000}, 1, 1));
        assertThatThrownBy(() -> Snapshots.writePng(img, dir.resolve("missing/x.png"))).isInstanceOf(IOException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
