package org.unmixer.train.tracking;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.unmixer.audio.io.AtomicFiles;

/**
 * Loss curves as a PNG, drawn with java.awt only (works with {@code java.awt.headless=true}):
 * one line per series over the step axis, optional log-scaled y axis, a legend, a title, and
 * dashed vertical markers with labels (curriculum stage switches).
 *
 * <p>NaN values — and on a log axis values ≤ 0, which it cannot show — break a line instead of
 * being drawn; a series with nothing left to draw keeps its legend entry, marked "(no data)".
 * A linear y range is the data's padded 5 % either way, a log one whole decades; the x range
 * spans the data and the markers.
 */
public final class LossCurvePlot {
    public static final int DEFAULT_WIDTH = 960;
    public static final int DEFAULT_HEIGHT = 540;
    static final Color BACKGROUND = Color.WHITE;
    static final Color MARKER = new Color(0x555555);
    private static final Color GRID = new Color(0xE6E6E6);
    private static final Color MINOR_GRID = new Color(0xF3F3F3);
    private static final Color AXIS = new Color(0x333333);
    /** matplotlib's "tab10" colours: distinct, and familiar from other loss plots. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    /** One curve: {@code y[i]} at step {@code x[i]}. */
    public record Series(String label, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series \"" + label + "\": " + x.length + " x values but " + y.length
                        + " y values");
            }
        }

        /** A metric's history as read by {@link MlflowRunReader#metricHistory}. */
        public static Series of(String label, List<MetricPoint> history) {
            return new Series(label, history.stream().mapToDouble(MetricPoint::step).toArray(),
                    history.stream().mapToDouble(MetricPoint::value).toArray());
        }
    }

    /** A dashed vertical line at step {@code x}, labelled at the top of the plot. */
    public record Marker(double x, String label) {}

    private LossCurvePlot() {}

    /** {@link #write(Path, int, int, String, List, List, boolean)} at {@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT}. */
    public static void write(Path png, String title, List<Series> series, List<Marker> markers, boolean logY)
            throws IOException {
        write(png, DEFAULT_WIDTH, DEFAULT_HEIGHT, title, series, markers, logY);
    }

    /** Renders the plot and writes it to {@code png} whole or not at all (temp file, then move). */
    public static void write(Path png, int width, int height, String title, List<Series> series, List<Marker> markers,
            boolean logY) throws IOException {
        BufferedImage image = render(width, height, title, series, markers, logY);
        AtomicFiles.writeFile(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    /** The plot as an RGB image. */
    public static BufferedImage render(int width, int height, String title, List<Series> series, List<Marker> markers,
            boolean logY) {
        PlotFrame f = frame(width, height, series, markers, logY);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            drawAxes(g, f);
            g.clip(f.area());
            drawMarkers(g, f, markers);
            boolean anything = false;
            for (int i = 0; i < series.size(); i++) {
                anything |= drawSeries(g, f, series.get(i), colour(i));
            }
            g.setClip(null);
            if (!anything) {
                g.setColor(AXIS);
                centred(g, "no data", f.area().getCenterX(), f.area().getCenterY());
            }
            drawLegend(g, f, series);
            g.setColor(AXIS);
            g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
            centred(g, title, width / 2.0, TOP / 2.0);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Where {@link #render} puts the data. */
    static PlotFrame frame(int width, int height, List<Series> series, List<Marker> markers, boolean logY) {
        return PlotFrame.fit(width, height, LEFT, RIGHT, TOP, BOTTOM, series, markers, logY);
    }

    /** The colour of the {@code i}-th series. */
    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    private static void drawAxes(Graphics2D g, PlotFrame f) {
        var a = f.area();
        g.setStroke(new BasicStroke(1f));
        FontMetrics fm = g.getFontMetrics();
        for (PlotFrame.Tick t : f.yTicks()) {
            double y = f.py(t.value());
            g.setColor(t.label().isEmpty() ? MINOR_GRID : GRID);
            g.draw(new Line2D.Double(a.getMinX(), y, a.getMaxX(), y));
            g.setColor(AXIS);
            g.drawString(t.label(), (float) (a.getMinX() - 6 - fm.stringWidth(t.label())), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        for (PlotFrame.Tick t : f.xTicks()) {
            double x = f.px(t.value());
            g.setColor(GRID);
            g.draw(new Line2D.Double(x, a.getMinY(), x, a.getMaxY()));
            g.setColor(AXIS);
            g.drawString(t.label(), (float) (x - fm.stringWidth(t.label()) / 2.0), (float) (a.getMaxY() + 4 + fm.getAscent()));
        }
        g.setColor(AXIS);
        g.draw(a);
        centred(g, "step", a.getCenterX(), a.getMaxY() + 10 + 1.5 * fm.getHeight());
    }

    private static void drawMarkers(Graphics2D g, PlotFrame f, List<Marker> markers) {
        var a = f.area();
        g.setColor(MARKER);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        Font font = g.getFont().deriveFont(11f);
        for (Marker m : markers) {
            double x = f.px(m.x());
            g.draw(new Line2D.Double(x, a.getMinY(), x, a.getMaxY()));
            g.setFont(font);
            g.drawString(m.label(), (float) x + 4, (float) a.getMinY() + 13);
        }
    }

    /** Draws the finite runs of {@code s}; false when there was no point to draw. */
    private static boolean drawSeries(Graphics2D g, PlotFrame f, Series s, Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double path = new Path2D.Double();
        boolean penDown = false;
        boolean any = false;
        for (int i = 0; i < s.x().length; i++) {
            if (!f.drawable(s.x()[i], s.y()[i])) {
                penDown = false;
                continue;
            }
            double px = f.px(s.x()[i]);
            double py = f.py(s.y()[i]);
            boolean isolated = !penDown && (i + 1 == s.x().length || !f.drawable(s.x()[i + 1], s.y()[i + 1]));
            if (isolated) {
                g.fill(new Ellipse2D.Double(px - 2.5, py - 2.5, 5, 5));
            }
            if (penDown) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
            }
            penDown = true;
            any = true;
        }
        g.draw(path);
        return any;
    }

    private static void drawLegend(Graphics2D g, PlotFrame f, List<Series> series) {
        if (series.isEmpty()) {
            return;
        }
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
        FontMetrics fm = g.getFontMetrics();
        String[] labels = new String[series.size()];
        int textWidth = 0;
        for (int i = 0; i < labels.length; i++) {
            Series s = series.get(i);
            boolean empty = true;
            for (int j = 0; j < s.x().length && empty; j++) {
                empty = !f.drawable(s.x()[j], s.y()[j]);
            }
            labels[i] = s.label() + (empty ? " (no data)" : "");
            textWidth = Math.max(textWidth, fm.stringWidth(labels[i]));
        }
        int row = fm.getHeight() + 2;
        int w = textWidth + 40;
        int h = row * labels.length + 8;
        int x0 = (int) f.area().getMaxX() - w - 8;
        int y0 = (int) f.area().getMinY() + 8;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x0, y0, w, h);
        g.setColor(GRID.darker());
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, w, h);
        for (int i = 0; i < labels.length; i++) {
            int y = y0 + 4 + row * i + row / 2;
            g.setColor(colour(i));
            g.setStroke(new BasicStroke(2f));
            g.drawLine(x0 + 6, y, x0 + 28, y);
            g.setColor(AXIS);
            g.drawString(labels[i], x0 + 34, y + fm.getAscent() / 2 - 1);
        }
    }

    private static void centred(Graphics2D g, String text, double cx, double cy) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) (cy + fm.getAscent() / 2.0 - 1));
    }
}
