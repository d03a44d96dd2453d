package org.unmixer.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unmixer.data.DatasetConfig;
import org.unmixer.data.PatchSampler;
import org.unmixer.model.proxy.ProxyConditioning;
import org.unmixer.model.proxy.ProxyData;
import org.unmixer.model.proxy.EqEightBandResponses;
import org.unmixer.model.proxy.ModulatedFilterProxy;
import org.unmixer.model.proxy.ProxyDesigns;
import org.unmixer.model.proxy.SpectralMaskProxy;
import org.unmixer.model.proxy.ProxyFiles;
import org.unmixer.model.proxy.ProxyNetwork;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.Suggest;
import org.unmixer.train.AnalyticFidelity;
import org.unmixer.train.BandResponseStage;
import org.unmixer.train.ResponseFit;
import org.unmixer.train.SweepCalibration;
import org.unmixer.train.ProxyTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer train-proxy --effect saturator|eq-eight|ott|phaser|reverb}: trains one effect's
 * neural proxy on pairs rendered through the reference device and reports its fidelity on held-out
 * pairs (MR-STFT(proxy, device) as a fraction of MR-STFT(dry, device)).
 */
@Command(name = "train-proxy", mixinStandardHelpOptions = true,
        description = "Train one effect's differentiable neural proxy and report its fidelity on held-out settings.")
final class TrainProxyCommand implements Callable<Integer> {
    static final Map<String, String> EFFECTS = Map.of("saturator", "Saturator", "eq-eight", "EQ Eight", "ott",
            "Multiband Dynamics", "phaser", "Phaser-Flanger", "reverb", "Reverb");

    @Spec
    CommandSpec spec;

    @Option(names = "--effect", required = true, paramLabel = "NAME", description = "saturator, eq-eight, ott, phaser or reverb.")
    String effect;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps (default: 2000).")
    int steps = 2000;

    @Option(names = "--samples", paramLabel = "N", description = "Samples per training pair (default: 16384, 0.37 s).")
    int samples = 16_384;

    @Option(names = "--pool", paramLabel = "N", description = "Training pairs rendered once and sampled from (default: 1024).")
    int pool = 1024;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the data and the batches (default: 21).")
    long seed = 21;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/proxies/NAME).")
    Path out;

    @Option(names = "--design", paramLabel = "NAME", description = "Network design (tcn, spectral-mask, …); default: the effect's"
            + " own (ProxyDesigns.forDevice).")
    String design;

    /** Pairs the Phaser-Flanger sweep search is judged on (about a third of each mode). */
    private static final int SWEEP_PAIRS = 192;

    @Option(names = "--pretrain-pairs", paramLabel = "N", description = "EQ Eight: band responses measured through the reference"
            + " device to pre-train the proxy's band network on before the audio pairs (default: 100000; 0 skips the stage).")
    int pretrainPairs = 100_000;

    @Option(names = "--pretrain-steps", paramLabel = "N", description = "EQ Eight: steps of that pre-training (default: 24000).")
    int pretrainSteps = 24_000;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Peak learning rate of the audio training (default: 0.002).")
    double learningRate = 2e-3;

    @Option(names = "--analytic", description = "Measure the effect's analytic differentiable version (eq-eight, saturator) on the"
            + " held-out pairs instead of training a proxy.")
    boolean analytic;

    @Override
    public Integer call() throws IOException {
        String device = EFFECTS.get(effect);
        if (device == null) {
            throw new BadInputException("--effect \"" + effect + "\" is unknown" + Suggest.didYouMean(effect, List.copyOf(EFFECTS.keySet()))
                    + "; choose from " + String.join(", ", new java.util.TreeSet<>(EFFECTS.keySet())));
        }
        if (steps < 1 || samples < 1024 || pool < 8 || pretrainPairs < 0 || pretrainSteps < 1 || !(learningRate > 0)) {
            throw new BadInputException("--steps must be ≥ 1, --samples ≥ 1024, --pool ≥ 8, --pretrain-pairs ≥ 0, --pretrain-steps ≥ 1"
                    + " and --learning-rate > 0");
        }
        Catalog catalog = Catalog.standard();
        Path rangesConfig = Path.of(System.getProperty("unmixer.home", ".")).resolve("assets/training/train-full.json");
        PatchSampler sampler = new PatchSampler(DatasetConfig.load(rangesConfig, catalog), catalog);
        ProxyConditioning conditioning = new ProxyConditioning(catalog.device(device));
        ProxyData data = new ProxyData(sampler, conditioning, samples, 44_100, seed);
        if (analytic) {
            if (!AnalyticFidelity.supports(device)) {
                throw new BadInputException("--analytic: " + device + " has no analytic version (eq-eight and saturator have)");
            }
            AnalyticFidelity.Result r = AnalyticFidelity.measure(data, pool, 64, 44_100);
            spec.commandLine().getOut().printf(Locale.ROOT, "%s analytic: relative RMS error median %.2e, worst %.2e over %d held-out"
                    + " pairs (target ≤ 1e-3); fidelity %.5f%n", device, r.medianRelativeError(), r.maxRelativeError(), r.pairs(),
                    r.fidelity());
            return ErrorReporter.OK;
        }
        ProxyNetwork.ProxyConfig net = design(device, conditioning);
        double timeWeight = net.timeWeight();
        ProxyTrainer.Config config = new ProxyTrainer.Config(steps, 8, pool, 64, learningRate, Math.min(100, steps / 10 + 1), 5, timeWeight, 2);
        PrintWriter err = spec.commandLine().getErr();
        Path dir = out != null ? out : Path.of("runs", "proxies", effect);
        long start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager()) {
            ProxyNetwork network = net.build();
            BandResponseStage bands = bandStage(device, net, sampler, conditioning);
            // Phaser-Flanger's grey-box: the LFO's sweep per mode is searched for before the audio training
            SweepCalibration sweeps = net instanceof ModulatedFilterProxy.Config ? new SweepCalibration(data::example, SWEEP_PAIRS) : null;
            ProxyTrainer.Result r = new ProxyTrainer(data, config).train(network, manager, seed, new ProxyTrainer.Progress() {
                @Override
                public void step(int step, int total, double loss) {
                    if (step % 25 == 0 || step == total) {
                        double s = (System.nanoTime() - start) / 1e9;
                        err.printf(Locale.ROOT, "\rtrain-proxy %s: step %d/%d, loss %.4f, %.0f s", effect, step, total, loss, s);
                        err.flush();
                    }
                }

                @Override
                public void message(String text) {
                    err.println("\rtrain-proxy " + effect + ": " + text);
                    err.flush();
                }
            }, bands != null ? bands : sweeps);
            err.println();
            var report = r.toJson();
            report.put("steps", steps).put("samples", samples).put("pool", pool).put("seed", seed)
                    .put("receptiveField", net.receptiveField()).put("seconds", (System.nanoTime() - start) / 1e9);
            report.put("design", net.design()).put("learningRate", learningRate);
            if (sweeps != null) {
                double[] v = sweeps.found();
                report.put("sweepPairs", SWEEP_PAIRS).put("phaserSweep", v[0]).put("flangerSweep", v[1]).put("doublerSweepMs", v[2]);
            }
            if (bands != null) {
                report.put("pretrainPairs", pretrainPairs).put("pretrainSteps", pretrainSteps)
                        .put("bandHeldOutErrorDb", bands.bandResult().heldOutDbAfter())
                        .put("staticHeldOutErrorDb", bands.staticResult().heldOutDbAfter());
            }
            ProxyFiles.save(device, network, report, dir);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%s proxy (" + net.design() + "): fidelity %.3f (MR-STFT proxy→device %.3f, dry→device %.3f; target ≤ 0.15), loss %.4f → %.4f,"
                    + " %d bad steps; saved to %s%n", device, r.fidelity(), r.proxyDistance(), r.dryDistance(), r.firstLoss(),
                    r.lastLoss(), r.badSteps(), dir);
        }
        return ErrorReporter.OK;
    }

    /** EQ Eight's band pre-training stage, when its design has a band network and it is not switched off. */
    private BandResponseStage bandStage(String device, ProxyNetwork.ProxyConfig net, PatchSampler sampler, ProxyConditioning conditioning) {
        if (!device.equals("EQ Eight") || pretrainPairs == 0 || !(net instanceof SpectralMaskProxy.Config mask) || mask.sections().isEmpty()) {
            return null;
        }
        EqEightBandResponses responses = new EqEightBandResponses(sampler, conditioning, mask.maskFrequencies(), 44_100, seed + 1);
        return new BandResponseStage(responses, pretrainPairs, new ResponseFit.Config(pretrainSteps, 256, 2e-3, 5), 2, seed);
    }

    private ProxyNetwork.ProxyConfig design(String device, ProxyConditioning conditioning) {
        if (design == null) {
            return ProxyDesigns.forDevice(device, conditioning);
        }
        ProxyNetwork.ProxyConfig named = ProxyDesigns.byName(design, device, conditioning);
        if (named == null) {
            throw new BadInputException("--design \"" + design + "\" is unknown for " + device + "; choose from "
                    + String.join(", ", new java.util.TreeSet<>(ProxyDesigns.CONFIG_TYPES.keySet())));
        }
        return named;
    }
}
