package org.unmixer.app;

import javafx.scene.layout.Region;

/**
 * A knob's travel as a horizontal bar: the track, the ±σ range the model gives (from
 * {@code lowTheta} to {@code highTheta}) and a marker at the value θ, all in [0, 1] of the travel.
 * Colours come from the CSS classes {@code knob-track}, {@code knob-range}, {@code knob-value}.
 */
final class UncertaintyBar extends Region {
    private static final double MARKER_WIDTH = 3;
    private final Region track = part("knob-track");
    private final Region range = part("knob-range");
    private final Region marker = part("knob-value");
    private final double theta;
    private final double low;
    private final double high;

    UncertaintyBar(DeviceCard.Knob knob) {
        theta = clamp(knob.theta());
        low = clamp(knob.lowTheta());
        high = clamp(knob.highTheta());
        getStyleClass().add("uncertainty-bar");
        getChildren().addAll(track, range, marker);
        setMinHeight(8);
        setPrefSize(90, 8);
    }

    /** θ is in [0, 1] by construction (ParamSpec.toNormalized); this only guards the drawing. */
    private static double clamp(double x) {
        return Double.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
    }

    private static Region part(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        return r;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        track.resizeRelocate(0, h * 0.35, w, h * 0.3);
        range.resizeRelocate(low * w, h * 0.15, Math.max(1, (high - low) * w), h * 0.7);
        marker.resizeRelocate(Math.min(w - MARKER_WIDTH, theta * w - MARKER_WIDTH / 2), 0, MARKER_WIDTH, h);
    }
}
