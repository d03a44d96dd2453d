package org.unmixer.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unmixer.model.InverseNet;
import org.unmixer.model.ModelFiles;
import org.unmixer.model.PresenceCalibration;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.train.PresenceCalibrator;
import org.unmixer.train.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer calibrate [--model DIR] [--data DIR]}: fits the model's per-effect presence
 * thresholds on a labelled dataset (the validation set; never a test set) and writes
 * {@code DIR/calibration.json}. {@code train} does this itself at the end; this command re-fits a
 * saved model.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit a model's per-effect presence thresholds on validation data (writes calibration.json).")
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder (default: models/unmixer-default).")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "Labelled dataset folder (default: data/validation).")
    Path data = Path.of("data", "validation");

    @Override
    public Integer call() throws java.io.IOException {
        Path dir = model != null ? model : ModelLocations.shipped(ModelLocations.DEFAULT);
        if (!Files.isRegularFile(data.resolve("manifest.json"))) {
            throw new BadInputException(data + ": no dataset here (manifest.json missing); generate it with ./unmixer dataset "
                    + "assets/training/validation.json --out " + data);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            InverseNet net = ModelFiles.load(dir, Catalog.standard(), manager);
            TrainingSet set = TrainingSet.load(data, net.layout());
            PresenceCalibrator.Fit fit = PresenceCalibrator.calibrate(net, manager, set, dir);
            PrintWriter o = spec.commandLine().getOut();
            List<String> effects = net.layout().effects();
            o.printf(Locale.ROOT, "calibrated %s on %s (%d examples)%n", dir, data, fit.examples());
            for (int e = 0; e < effects.size(); e++) {
                o.printf(Locale.ROOT, "  %-20s threshold %.2f  F1 %.3f → %.3f%n", effects.get(e), fit.calibration().thresholds()[e],
                        fit.f1AtHalf()[e], fit.f1AtThreshold()[e]);
            }
            o.println("wrote " + dir.resolve(PresenceCalibration.FILE));
        }
        return ErrorReporter.OK;
    }
}
