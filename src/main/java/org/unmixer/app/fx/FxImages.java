package org.unmixer.app.fx;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.unmixer.app.spectrogram.ArgbImage;

/** The thin edge between toolkit-free pixels and JavaFX images. */
public final class FxImages {
    private FxImages() {}

    /**
     * A new JavaFX image with {@code image}'s pixels (non-premultiplied ARGB). Any thread may build
     * it once the toolkit is running; show it on the FX thread.
     */
    public static WritableImage toWritableImage(ArgbImage image) {
        WritableImage out = new WritableImage(image.width(), image.height());
        out.getPixelWriter().setPixels(0, 0, image.width(), image.height(), PixelFormat.getIntArgbInstance(),
                image.argb(), 0, image.width());
        return out;
    }
}
