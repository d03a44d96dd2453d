package org.unmixer.preset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code max-device/Un-Mixer Link.amxd} from {@code max-device/src} (see {@link MaxDeviceBuild}).
 * Run from the project directory after changing either source:
 *
 * <pre>{@value #COMMAND}</pre>
 *
 * <p>(The plugin is named in full because the build pins exec-maven-plugin only in the jmh profile.)
 * {@code AmxdDeviceTest} fails whenever the committed device differs from a fresh build.
 */
public final class BuildMaxDevice {
    /** The command that rebuilds the device, for messages. */
    public static final String COMMAND =
            "./mvnw -B -q compile org.codehaus.mojo:exec-maven-plugin:3.4.1:java -Dexec.mainClass=org.unmixer.preset.BuildMaxDevice";

    private BuildMaxDevice() {
    }

    /** The built device's path under the project directory. */
    public static Path devicePath(Path projectDir) {
        return projectDir.resolve("max-device").resolve("Un-Mixer Link.amxd");
    }

    /** The device built from the sources under {@code projectDir}. */
    public static byte[] buildFrom(Path projectDir) throws IOException {
        Path src = projectDir.resolve("max-device").resolve("src");
        String maxpat = Files.readString(src.resolve("unmixer.maxpat"), StandardCharsets.UTF_8);
        String script = Files.readString(src.resolve("unmixer.js"), StandardCharsets.UTF_8);
        return MaxDeviceBuild.build(maxpat, script);
    }

    /** Builds the device of the project in the working directory (or {@code -Dunmixer.home}). */
    public static void main(String[] args) throws IOException {
        Path project = Path.of(System.getProperty("unmixer.home", ".")).toAbsolutePath().normalize();
        byte[] built = buildFrom(project);
        Path device = devicePath(project);
        Files.write(device, built);
        System.out.println("wrote " + device + " (" + built.length + " bytes)");
    }
}
