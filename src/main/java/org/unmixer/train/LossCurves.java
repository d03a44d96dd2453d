package org.unmixer.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unmixer.train.tracking.LossCurvePlot;
import org.unmixer.train.tracking.MlflowRun;
import org.unmixer.train.tracking.MlflowRunReader;
import org.unmixer.train.tracking.MetricPoint;

/**
 * The training curves as PNGs, read back from the tracking run's metric files: total loss (train
 * and validation) and the per-term losses, with the curriculum switches marked. Written as run
 * artifacts and copied beside the model (its card shows them).
 */
final class LossCurves {
    static final String LOSS_PNG = "loss.png";
    static final String TERMS_PNG = "loss-terms.png";
    static final String CHAIN_PNG = "chain-metrics.png";

    private LossCurves() {
    }

    static void write(MlflowRun run, TrainingConfig config, Path modelDir) throws IOException {
        Path dir = run.runDir();
        List<LossCurvePlot.Marker> markers = List.of(
                new LossCurvePlot.Marker(config.curriculum().nonlinearFrom(), "nonlinear"),
                new LossCurvePlot.Marker(config.curriculum().fullFrom(), "full"));
        List<LossCurvePlot.Series> loss = new ArrayList<>();
        loss.add(LossCurvePlot.Series.of("train loss", smooth(MlflowRunReader.metricHistory(dir, "train/loss"), 50)));
        loss.add(LossCurvePlot.Series.of("validation loss", MlflowRunReader.metricHistory(dir, "val/loss")));
        Path lossPng = run.artifactPath("curves/" + LOSS_PNG);
        Files.createDirectories(lossPng.getParent());
        LossCurvePlot.write(lossPng, config.name() + ": loss", loss, markers, false);
        List<LossCurvePlot.Series> terms = new ArrayList<>();
        for (String t : List.of("nll", "ce", "chain_ce", "presence_bce", "param_mse")) {
            terms.add(LossCurvePlot.Series.of("val " + t, MlflowRunReader.metricHistory(dir, "val/" + t)));
        }
        Path termsPng = run.artifactPath("curves/" + TERMS_PNG);
        LossCurvePlot.write(termsPng, config.name() + ": validation loss terms", terms, markers, false);
        List<LossCurvePlot.Series> decode = new ArrayList<>();
        for (String t : List.of("chain_exact", "presence_f1", "presence_acc", "chain_token_acc")) {
            decode.add(LossCurvePlot.Series.of("val " + t, MlflowRunReader.metricHistory(dir, "val/" + t)));
        }
        Path decodePng = run.artifactPath("curves/" + CHAIN_PNG);
        LossCurvePlot.write(decodePng, config.name() + ": chain decoding on validation", decode, markers, false);
        Files.copy(decodePng, modelDir.resolve(CHAIN_PNG), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(lossPng, modelDir.resolve(LOSS_PNG), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(termsPng, modelDir.resolve(TERMS_PNG), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A moving average over {@code window} points (per-step training loss is noisy). */
    static List<MetricPoint> smooth(List<MetricPoint> points, int window) {
        List<MetricPoint> out = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            double v = points.get(i).value();
            sum += Double.isFinite(v) ? v : 0;
            if (i >= window) {
                double old = points.get(i - window).value();
                sum -= Double.isFinite(old) ? old : 0;
            }
            int n = Math.min(i + 1, window);
            out.add(new MetricPoint(points.get(i).step(), sum / n, points.get(i).timestampMs()));
        }
        return out;
    }
}
