package org.unmixer.app.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Pictures of the window as PNG files, headless too (for the README screenshot and for tests).
 *
 * <p>{@code javafx-swing}'s {@code SwingFXUtils} is not a dependency, so the pixels go through
 * {@link Image#getPixelReader()} into an AWT {@link BufferedImage} and {@link ImageIO}; neither needs
 * a display ({@code java.awt.headless=true} is fine). Files are written to a temporary file beside the
 * target and moved into place, so a PNG is never half-written.
 */
public final class Snapshots {
    private Snapshots() {}

    /** Snapshot of {@code node} (as laid out now) saved to {@code file}; from any thread. */
    public static void savePng(Node node, Path file) throws IOException {
        writePng(onFxThread(() -> node.snapshot(null, null)), file);
    }

    /** Snapshot of the whole {@code scene} saved to {@code file}; from any thread. */
    public static void savePng(Scene scene, Path file) throws IOException {
        writePng(onFxThread(() -> scene.snapshot(null)), file);
    }

    /** Write {@code image} as a PNG with its alpha channel. */
    public static void writePng(Image image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        if (w < 1 || h < 1 || image.getPixelReader() == null) {
            throw new IOException("cannot save an empty or unreadable image (" + w + "×" + h + ") to " + file);
        }
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path target = file.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(out, "png", tmp.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Runs {@code snapshot} on the FX thread (directly when already there) and waits for it. */
    private static WritableImage onFxThread(Callable<WritableImage> snapshot) throws IOException {
        if (Platform.isFxApplicationThread()) {
            try {
                return snapshot.call();
            } catch (Exception e) {
                throw new IOException("snapshot failed: " + e.getMessage(), e);
            }
        }
        FutureTask<WritableImage> task = new FutureTask<>(snapshot);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while taking a snapshot", e);
        } catch (ExecutionException e) {
            throw new IOException("snapshot failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
