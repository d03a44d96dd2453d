package org.unmixer.train.tracking;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where data lands in a {@link LossCurvePlot}: the plot area in pixels, the data ranges it shows,
 * and the ticks. Pure arithmetic, so tests can find the pixel a value is drawn at.
 */
record PlotFrame(Rectangle2D area, double xLo, double xHi, double yLo, double yHi, boolean logY, List<Tick> xTicks,
        List<Tick> yTicks) {
    /** Fraction of the data's y span added above and below it. */
    private static final double Y_PADDING = 0.05;
    private static final int MAX_X_TICKS = 8;
    private static final int MAX_Y_TICKS = 6;

    /** A grid line at {@code value}; unlabelled (empty label) for the minor lines of a log axis. */
    record Tick(double value, String label) {}

    /** The frame that fits every drawable point of {@code series} and every marker. */
    static PlotFrame fit(int width, int height, int left, int right, int top, int bottom, List<LossCurvePlot.Series> series,
            List<LossCurvePlot.Marker> markers, boolean logY) {
        if (width < left + right + 20 || height < top + bottom + 20) {
            throw new IllegalArgumentException("plot size " + width + "x" + height + " leaves no room for the plot area");
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (LossCurvePlot.Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (drawable(s.x()[i], s.y()[i], logY)) {
                    xMin = Math.min(xMin, s.x()[i]);
                    xMax = Math.max(xMax, s.x()[i]);
                    yMin = Math.min(yMin, s.y()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                }
            }
        }
        for (LossCurvePlot.Marker m : markers) {
            if (Double.isFinite(m.x())) {
                xMin = Math.min(xMin, m.x());
                xMax = Math.max(xMax, m.x());
            }
        }
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
        } else if (xMin == xMax) {
            xMin -= 1;
            xMax += 1;
        }
        Rectangle2D area = new Rectangle2D.Double(left, top, width - left - right, height - top - bottom);
        double xStep = AxisTicks.niceStep(xMax - xMin, MAX_X_TICKS);
        List<Tick> xTicks = AxisTicks.linear(xMin, xMax, xStep).stream().map(v -> new Tick(v, AxisTicks.label(v, xStep))).toList();
        return logY ? logFrame(area, xMin, xMax, xTicks, yMin, yMax) : linearFrame(area, xMin, xMax, xTicks, yMin, yMax);
    }

    private static PlotFrame linearFrame(Rectangle2D area, double xMin, double xMax, List<Tick> xTicks, double yMin, double yMax) {
        if (yMin > yMax) {
            yMin = 0;
            yMax = 1;
        } else if (yMin == yMax) {
            double half = yMin == 0 ? 1 : Math.abs(yMin) * 0.1;
            yMin -= half;
            yMax += half;
        } else {
            double pad = (yMax - yMin) * Y_PADDING;
            yMin -= pad;
            yMax += pad;
        }
        double step = AxisTicks.niceStep(yMax - yMin, MAX_Y_TICKS);
        List<Tick> yTicks = AxisTicks.linear(yMin, yMax, step).stream().map(v -> new Tick(v, AxisTicks.label(v, step))).toList();
        return new PlotFrame(area, xMin, xMax, yMin, yMax, false, xTicks, yTicks);
    }

    private static PlotFrame logFrame(Rectangle2D area, double xMin, double xMax, List<Tick> xTicks, double yMin, double yMax) {
        if (yMin > yMax) {
            yMin = 1;
            yMax = 10;
        }
        double lo = Math.pow(10, Math.floor(Math.log10(yMin)));
        double hi = Math.pow(10, Math.ceil(Math.log10(yMax)));
        if (hi <= lo) {
            hi = lo * 10;
        }
        List<Tick> yTicks = new ArrayList<>();
        for (double decade : AxisTicks.decades(lo, hi)) {
            yTicks.add(new Tick(decade, AxisTicks.decadeLabel(decade)));
            for (int k = 2; k <= 9 && decade * k < hi; k++) {
                yTicks.add(new Tick(decade * k, ""));
            }
        }
        return new PlotFrame(area, xMin, xMax, lo, hi, true, xTicks, yTicks);
    }

    /** Whether the point can be drawn: finite, and positive on a log axis. */
    static boolean drawable(double x, double y, boolean logY) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
    }

    boolean drawable(double x, double y) {
        return drawable(x, y, logY);
    }

    /** Pixel column of step {@code x}. */
    double px(double x) {
        return area.getMinX() + (x - xLo) / (xHi - xLo) * area.getWidth();
    }

    /** Pixel row of value {@code y} (rows grow downwards). */
    double py(double y) {
        double t = logY ? (Math.log10(y) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo)) : (y - yLo) / (yHi - yLo);
        return area.getMaxY() - t * area.getHeight();
    }
}
