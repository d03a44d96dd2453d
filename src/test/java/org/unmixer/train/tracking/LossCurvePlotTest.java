package org.unmixer.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossCurvePlotTest {
    private static final int W = 640;
    private static final int H = 400;
    /** Antialiased edges blend a line with the background; its centre stays this close to its colour. */
    private static final int COLOUR_TOLERANCE = 60;
    /** Rows either side of the computed centre of a 2-pixel line that may hold it. */
    private static final int ROWS = 2;

    @TempDir
    Path dir;

    private static final double[] STEPS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void writesAPngOfTheGivenSizeWithNoTempFileLeft() throws IOException {
        Path png = dir.resolve("loss.png");
        var train = new LossCurvePlot.Series("train/loss", STEPS, new double[] {5, 4, 3, 2.5, 2, 1.8, 1.5, 1.4, 1.3, 1.2, 1.1});
        LossCurvePlot.write(png, W, H, "run 1", List.of(train), List.of(new LossCurvePlot.Marker(4, "stage 2")), false);
        LossCurvePlot.write(png, W, H, "run 1 again", List.of(train), List.of(), true); // replaces the first
        BufferedImage back = ImageIO.read(png.toFile());
        assertThat(back.getWidth()).isEqualTo(W);
        assertThat(back.getHeight()).isEqualTo(H);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(png);
        }
        LossCurvePlot.write(dir.resolve("default.png"), "t", List.of(train), List.of(), false);
        assertThat(ImageIO.read(dir.resolve("default.png").toFile()).getWidth()).isEqualTo(LossCurvePlot.DEFAULT_WIDTH);
    }

    @Test
    void eachSeriesIsDrawnInItsColourWhereItsValuesAre() {
        var a = new LossCurvePlot.Series("train/loss", STEPS, constant(2.0));
        var b = new LossCurvePlot.Series("val/loss", STEPS, constant(3.0));
        BufferedImage img = LossCurvePlot.render(W, H, "t", List.of(a, b), List.of(), false);
        PlotFrame f = LossCurvePlot.frame(W, H, List.of(a, b), List.of(), false);
        int column = (int) f.px(3);
        assertThat(rowsNear(img, column, LossCurvePlot.colour(0))).isNotEmpty()
                .allMatch(row -> Math.abs(row - f.py(2.0)) <= ROWS);
        assertThat(rowsNear(img, column, LossCurvePlot.colour(1))).isNotEmpty()
                .allMatch(row -> Math.abs(row - f.py(3.0)) <= ROWS);
    }

    @Test
    void nanValuesLeaveAGapInTheLine() {
        double[] y = constant(2.0);
        y[4] = y[5] = y[6] = Double.NaN;
        var s = new LossCurvePlot.Series("loss", STEPS, y);
        BufferedImage img = LossCurvePlot.render(W, H, "t", List.of(s), List.of(), false);
        PlotFrame f = LossCurvePlot.frame(W, H, List.of(s), List.of(), false);
        assertThat(rowsNear(img, (int) f.px(5), LossCurvePlot.colour(0))).isEmpty();
        assertThat(rowsNear(img, (int) f.px(2), LossCurvePlot.colour(0))).isNotEmpty();
    }

    @Test
    void logAxisPlacesDecadesEvenlyAndSkipsValuesItCannotShow() {
        var s = new LossCurvePlot.Series("loss", new double[] {0, 1, 2, 3}, new double[] {1, 0.1, -1, 0.001});
        PlotFrame f = LossCurvePlot.frame(W, H, List.of(s), List.of(), true);
        assertThat(f.yLo()).isEqualTo(0.001);
        assertThat(f.yHi()).isEqualTo(1.0);
        assertThat(f.py(0.01) - f.py(0.1)).isCloseTo(f.py(0.1) - f.py(1), org.assertj.core.api.Assertions.within(1e-9));
        BufferedImage img = LossCurvePlot.render(W, H, "t", List.of(s), List.of(), true);
        assertThat(rowsNear(img, (int) f.px(0.5), LossCurvePlot.colour(0))).isNotEmpty(); // segment 1 → 0.1
        assertThat(rowsNear(img, (int) f.px(2.5), LossCurvePlot.colour(0))).isEmpty(); // -1 breaks the line
    }

    @Test
    void markerIsADashedVerticalLine() {
        var s = new LossCurvePlot.Series("loss", STEPS, constant(1.0));
        var marker = new LossCurvePlot.Marker(7, "stage full");
        BufferedImage img = LossCurvePlot.render(W, H, "t", List.of(s), List.of(marker), false);
        PlotFrame f = LossCurvePlot.frame(W, H, List.of(s), List.of(marker), false);
        List<Integer> dark = rowsNear(img, (int) Math.round(f.px(7)), LossCurvePlot.MARKER);
        int plotRows = (int) f.area().getHeight();
        assertThat(dark.size()).as("dashes cover part of the height, not all of it")
                .isGreaterThan(plotRows / 3).isLessThan(plotRows * 9 / 10);
    }

    @Test
    void emptyAndAllNanSeriesStillGiveAPlot() {
        var empty = new LossCurvePlot.Series("val/loss", new double[0], new double[0]);
        var nan = new LossCurvePlot.Series("train/loss", new double[] {0, 1}, new double[] {Double.NaN, Double.NaN});
        for (List<LossCurvePlot.Series> series : List.of(List.<LossCurvePlot.Series>of(), List.of(empty), List.of(nan, empty))) {
            BufferedImage img = LossCurvePlot.render(W, H, "nothing yet", series, List.of(), true);
            PlotFrame f = LossCurvePlot.frame(W, H, series, List.of(), true);
            assertThat(img.getWidth()).isEqualTo(W);
            for (int x = (int) f.area().getMinX() + 2; x < f.area().getCenterX(); x++) {
                assertThat(rowsNear(img, x, LossCurvePlot.colour(0))).isEmpty();
            }
        }
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThatThrownBy(() -> new LossCurvePlot.Series("loss", new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("series \"loss\": 2 x values but 3 y values");
    }

    @Test
    void seriesFromAMetricHistoryUsesStepsAndValues() {
        var s = LossCurvePlot.Series.of("loss", List.of(new MetricPoint(10, 0.5, 1L), new MetricPoint(20, 0.25, 2L)));
        assertThat(s.x()).containsExactly(10, 20);
        assertThat(s.y()).containsExactly(0.5, 0.25);
    }

    private static double[] constant(double v) {
        double[] y = new double[STEPS.length];
        java.util.Arrays.fill(y, v);
        return y;
    }

    /** Rows of {@code column} whose pixel is within {@link #COLOUR_TOLERANCE} of {@code colour} (per channel). */
    private static List<Integer> rowsNear(BufferedImage img, int column, Color colour) {
        List<Integer> rows = new java.util.ArrayList<>();
        for (int y = 0; y < img.getHeight(); y++) {
            Color c = new Color(img.getRGB(column, y));
            if (Math.abs(c.getRed() - colour.getRed()) <= COLOUR_TOLERANCE
                    && Math.abs(c.getGreen() - colour.getGreen()) <= COLOUR_TOLERANCE
                    && Math.abs(c.getBlue() - colour.getBlue()) <= COLOUR_TOLERANCE) {
                rows.add(y);
            }
        }
        return rows;
    }
}
