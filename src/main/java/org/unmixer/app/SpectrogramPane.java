package org.unmixer.app;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.unmixer.app.fx.FxImages;
import org.unmixer.app.spectrogram.DbScale;
import org.unmixer.app.spectrogram.Spectrogram;
import org.unmixer.app.spectrogram.SpectrogramImages;
import org.unmixer.app.spectrogram.WaveformOverview;
import org.unmixer.audio.AudioBuffer;

/**
 * Spectrograms of the original and the rebuild, stacked, on one dB scale and one time axis, with a
 * toggle that shows rebuild − original instead of the rebuild, a waveform overview strip above them
 * (both sounds on the same time axis), and a time cursor across all three while playing.
 * Pictures are computed on {@code work} (one thread; latest request wins) and shown on the FX thread.
 */
final class SpectrogramPane extends VBox {
    private record Pictures(Image original, Image rebuild, Image difference, Image waveform, double seconds) {
    }

    /** Pixels of the waveform strip's picture (it is stretched to the strip like the spectrograms). */
    private static final int WAVEFORM_WIDTH = 1200;
    private static final int WAVEFORM_HEIGHT = 48;

    private final Panel waveform = new Panel("Waveform (original grey, rebuild orange)", "waveform-overview");
    private final Panel top = new Panel("Original", "spectrogram-original");
    private final Panel bottom = new Panel("Rebuild", "spectrogram-rebuild");
    private final ToggleButton differenceToggle = new ToggleButton("Difference");
    private final AtomicLong request = new AtomicLong();
    private Pictures pictures;
    /** The original's spectrogram, kept on the work thread: only the rebuild changes while scrubbing. */
    private AudioBuffer analysedOriginal;
    private Spectrogram originalSpectrogram;

    SpectrogramPane(MainViewModel vm, Executor work, ReadOnlyDoubleProperty playheadSeconds) {
        getStyleClass().add("spectrogram-pane");
        differenceToggle.setId("difference");
        differenceToggle.setFocusTraversable(false);
        differenceToggle.selectedProperty().addListener((o, was, now) -> showPictures());
        Label title = new Label("Spectrograms (same scale)");
        title.getStyleClass().add("section-title");
        HBox header = new HBox(8, title, differenceToggle);
        header.getStyleClass().add("pane-header");
        waveform.setMinHeight(WAVEFORM_HEIGHT);
        waveform.setPrefHeight(WAVEFORM_HEIGHT);
        waveform.setMaxHeight(WAVEFORM_HEIGHT);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        getChildren().addAll(header, waveform, top, bottom);

        vm.original().addListener((o, was, now) -> compute(vm, work));
        vm.rebuild().addListener((o, was, now) -> compute(vm, work));
        playheadSeconds.addListener((o, was, now) -> {
            double length = pictures == null ? 0 : pictures.seconds();
            double fraction = length > 0 ? now.doubleValue() / length : -1;
            waveform.cursorAt(fraction);
            top.cursorAt(fraction);
            bottom.cursorAt(fraction);
        });
    }

    private void compute(MainViewModel vm, Executor work) {
        AudioBuffer original = vm.original().get();
        AudioBuffer rebuild = vm.rebuild().get();
        if (original == null) {
            return;
        }
        long id = request.incrementAndGet();
        work.execute(() -> {
            if (id != request.get()) {
                return; // a newer request is queued
            }
            if (original != analysedOriginal) {
                originalSpectrogram = Spectrogram.of(original);
                analysedOriginal = original;
            }
            Spectrogram a = originalSpectrogram;
            Spectrogram b = rebuild == null ? null : Spectrogram.of(rebuild);
            DbScale scale = b == null ? DbScale.common(a) : DbScale.common(a, b);
            int width = Math.max(1, Math.max(a.frames(), b == null ? 0 : b.frames()));
            Image ia = FxImages.toWritableImage(SpectrogramImages.level(a, scale, width));
            Image ib = b == null ? null : FxImages.toWritableImage(SpectrogramImages.level(b, scale, width));
            Image diff = b == null ? null : FxImages.toWritableImage(SpectrogramImages.difference(a, b, scale));
            Image wave = FxImages.toWritableImage(WaveformOverview.of(original, rebuild, WAVEFORM_WIDTH, WAVEFORM_HEIGHT));
            Pictures p = new Pictures(ia, ib, diff, wave, width * a.hopSeconds());
            Platform.runLater(() -> {
                if (id == request.get()) {
                    pictures = p;
                    showPictures();
                }
            });
        });
    }

    private void showPictures() {
        if (pictures == null) {
            return;
        }
        boolean diff = differenceToggle.isSelected();
        waveform.show(pictures.waveform());
        top.show(pictures.original());
        bottom.show(diff ? pictures.difference() : pictures.rebuild());
        bottom.caption.setText(diff ? "Rebuild − original (orange louder, blue quieter)" : "Rebuild");
    }

    /** Whether the pictures for the current sounds are shown (tests). */
    boolean hasPictures() {
        return pictures != null && pictures.rebuild() != null;
    }

    /** One spectrogram picture stretched to its pane, with a caption and a time cursor. */
    private static final class Panel extends StackPane {
        private final ImageView view = new ImageView();
        private final Line cursor = new Line();
        private final Label caption;

        Panel(String title, String id) {
            setId(id);
            getStyleClass().add("spectrogram");
            setMinHeight(80);
            caption = new Label(title);
            caption.getStyleClass().add("spectrogram-caption");
            view.setPreserveRatio(false);
            view.fitWidthProperty().bind(widthProperty());
            view.fitHeightProperty().bind(heightProperty());
            view.setManaged(false);
            cursor.getStyleClass().add("time-cursor");
            cursor.setManaged(false);
            cursor.setVisible(false);
            Pane overlay = new Pane(view, cursor);
            getChildren().addAll(overlay, caption);
            StackPane.setAlignment(caption, javafx.geometry.Pos.TOP_LEFT);
        }

        void show(Image image) {
            view.setImage(image);
        }

        /** Cursor at {@code fraction} of the width; hidden when outside [0, 1]. */
        void cursorAt(double fraction) {
            boolean on = fraction > 0 && fraction <= 1;
            cursor.setVisible(on);
            if (on) {
                double x = fraction * getWidth();
                cursor.setStartX(x);
                cursor.setEndX(x);
                cursor.setStartY(0);
                cursor.setEndY(getHeight());
            }
        }
    }
}
