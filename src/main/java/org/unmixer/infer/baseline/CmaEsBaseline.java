package org.unmixer.infer.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.RenderMeter;
import org.unmixer.infer.UniformPrior;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * {@code cmaes}: CMA-ES (Hansen; Commons Math 3 {@link CMAESOptimizer}, active CMA, seeded
 * {@link JDKRandomGenerator}) over normalised θ ∈ [0, 1] (simple bounds) of the searched
 * parameters of the synth and of a chain skeleton. The objective is the MR-STFT distance between
 * the reference renderer's render of the candidate and the target ({@link RenderMeter}); every
 * evaluation is one render and counts against the input's budget.
 *
 * <p><b>Which parameters.</b> By default every {@linkplain ParamSpec#estimated() estimated}
 * continuous parameter of the synth and of each chain device ({@link Config#searched}); quantized
 * parameters (filter types, saturator type, on/off switches) are not searched and keep the start
 * patch's values (catalog defaults for devices the start patch lacks).
 *
 * <p><b>Which chain.</b> With a skeleton in the input (a declared advantage, see
 * {@link EstimationInput}), that chain only. Without one, a small exhaustive search over
 * {@link Config#skeletons} (default: no effect, and each of the five effects alone), in order:
 * each gets an even share of the renders (and wall time) still left, so what one stage does not
 * need passes on to the next; CMA-ES runs on each, and each skeleton's best patch is one
 * candidate, ranked by distance. The greedy search over quantized parameters and longer chains is
 * left to later work.
 *
 * <p><b>Start.</b> The {@code mean} patch (default Wavetable), or the best candidate of
 * {@link Config#start} (e.g. {@code nn}), whose renders are added to this method's count; CMA-ES
 * starts there with step {@link Config#sigma}. When CMA-ES stops on its own before the budget is
 * spent it restarts from the best point so far with half the step, at most
 * {@link #MAX_RESTARTS} times.
 */
public final class CmaEsBaseline implements Estimator {
    /** Restarts per skeleton after CMA-ES converges early. */
    public static final int MAX_RESTARTS = 4;
    /** CMA-ES iterations per run; the render budget is what stops it in practice. */
    private static final int MAX_ITERATIONS = 100_000;

    /**
     * @param seed the optimizer's random seed
     * @param sigma initial step in θ (0, 0.5]; default 0.3, a third of the unit range
     * @param populationSize λ per generation, 0 for Hansen's default 4 + ⌊3 ln n⌋
     * @param searched which parameters are searched: (device name, parameter) → yes/no; the
     *     synth's device name is {@code "Wavetable"}
     * @param skeletons the chains tried when the input has no skeleton
     * @param start the estimator whose best candidate is the start, instead of {@code mean}
     */
    public record Config(long seed, double sigma, int populationSize, BiPredicate<String, ParamSpec> searched,
            List<List<String>> skeletons, Optional<Estimator> start) {
        public Config {
            if (!(sigma > 0 && sigma <= 0.5)) {
                throw new BadInputException("cmaes: sigma " + sigma + " must be in (0, 0.5]");
            }
            if (populationSize < 0 || populationSize == 1) {
                throw new BadInputException("cmaes: population size " + populationSize + " must be 0 (default) or ≥ 2");
            }
            Objects.requireNonNull(searched, "searched");
            skeletons = skeletons.stream().map(List::copyOf).toList();
            if (skeletons.isEmpty()) {
                throw new BadInputException("cmaes: at least one skeleton to try is needed");
            }
        }

        /** Estimated continuous parameters, default skeletons, mean start. */
        public static Config defaults(long seed) {
            return new Config(seed, 0.3, 0, (device, p) -> p.estimated() && !p.isQuantized(),
                    defaultSkeletons(), Optional.empty());
        }

        public Config withSearched(BiPredicate<String, ParamSpec> newSearched) {
            return new Config(seed, sigma, populationSize, newSearched, skeletons, start);
        }

        public Config withStart(Estimator newStart) {
            return new Config(seed, sigma, populationSize, searched, skeletons, Optional.of(newStart));
        }

        public Config withSkeletons(List<List<String>> newSkeletons) {
            return new Config(seed, sigma, populationSize, searched, newSkeletons, start);
        }
    }

    /** No effect, then each effect alone. */
    public static List<List<String>> defaultSkeletons() {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        UniformPrior.EFFECTS.forEach(e -> out.add(List.of(e)));
        return out;
    }

    private final Config config;
    private final Catalog catalog = Catalog.standard();

    public CmaEsBaseline(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "cmaes";
    }

    @Override
    public Estimation estimate(EstimationInput input) {
        long startNanos = System.nanoTime();
        RenderMeter.checkInterrupted();
        int startRenders = 0;
        Patch startPatch = MeanBaseline.defaultPatch(input.source());
        if (config.start().isPresent()) {
            Estimation s = config.start().get().estimate(input);
            startRenders = s.renders();
            startPatch = s.best().patch().withSource(input.source());
        }
        if (startRenders >= input.budget().maxRenders()) { // the start spent the whole budget
            return new Estimation(List.of(new Candidate(startPatch, Double.MAX_VALUE)), startRenders,
                    System.nanoTime() - startNanos);
        }
        EstimationInput rest = input.withBudget(new Budget(
                input.budget().maxRenders() - startRenders, input.budget().maxNanos()));
        RenderMeter meter = new RenderMeter(rest);
        List<List<String>> skeletons = input.skeleton().map(List::of).orElse(config.skeletons());
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(config.seed());
        List<Candidate> out = new ArrayList<>();
        for (int s = 0; s < skeletons.size(); s++) {
            int left = skeletons.size() - s;
            int stageRenders = meter.rendersLeft() / left;
            long now = meter.elapsedNanos();
            long stageNanos = Math.max(1, (rest.budget().maxNanos() - now) / left);
            long nanosLimit = stageNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + stageNanos;
            if (stageRenders < 1) {
                break;
            }
            Optional<Candidate> best = search(withSkeleton(startPatch, skeletons.get(s)), meter, random,
                    meter.renders() + stageRenders, nanosLimit);
            best.ifPresent(out::add);
        }
        if (out.isEmpty()) {
            out.add(new Candidate(startPatch, Double.MAX_VALUE)); // no render fitted: the start, unscored
        }
        out.sort(Comparator.comparingDouble(Candidate::score));
        return new Estimation(out, startRenders + meter.renders(), System.nanoTime() - startNanos);
    }

    /** The start patch's synth with the skeleton's devices, kept from the start patch when the chain matches. */
    private Patch withSkeleton(Patch start, List<String> skeleton) {
        if (start.chainNames().equals(skeleton)) {
            return start;
        }
        return start.withChain(skeleton.stream().map(name -> catalog.device(name).defaults()).toList());
    }

    /** One parameter being searched: chain index (−1 for the synth) and name. */
    private record Slot(int device, ParamSpec param) {
    }

    private List<Slot> slots(Patch patch) {
        List<Slot> out = new ArrayList<>();
        patch.synth().ifPresent(s -> {
            for (ParamSpec p : s.settings().device().params()) {
                if (config.searched().test(s.settings().device().name(), p)) {
                    out.add(new Slot(-1, p));
                }
            }
        });
        for (int i = 0; i < patch.chain().size(); i++) {
            DeviceSettings d = patch.chain().get(i);
            for (ParamSpec p : d.device().params()) {
                if (config.searched().test(d.device().name(), p)) {
                    out.add(new Slot(i, p));
                }
            }
        }
        return out;
    }

    /** The start patch with the searched parameters set from θ (projected onto [0, 1] first). */
    private static Patch apply(Patch start, List<Slot> slots, double[] theta) {
        Optional<SynthSpec> synth = start.synth();
        List<DeviceSettings> chain = new ArrayList<>(start.chain());
        for (int k = 0; k < slots.size(); k++) {
            Slot slot = slots.get(k);
            double t = Math.min(1, Math.max(0, theta[k]));
            if (slot.device() < 0) {
                SynthSpec s = synth.orElseThrow();
                synth = Optional.of(new SynthSpec(s.settings().withNormalized(slot.param().name(), t),
                        s.oscillator1(), s.oscillator2(), s.unison()));
            } else {
                chain.set(slot.device(), chain.get(slot.device()).withNormalized(slot.param().name(), t));
            }
        }
        return new Patch(start.source(), synth, chain);
    }

    /** Best point found by CMA-ES (with restarts) until the stage's render or time limit. */
    private Optional<Candidate> search(Patch start, RenderMeter meter, JDKRandomGenerator random,
            int renderLimit, long nanosLimit) {
        List<Slot> slots = slots(start);
        int n = slots.size();
        double[] x0 = new double[n];
        for (int k = 0; k < n; k++) {
            Slot s = slots.get(k);
            DeviceSettings d = s.device() < 0 ? start.synth().orElseThrow().settings() : start.chain().get(s.device());
            x0[k] = d.normalized(s.param().name());
        }
        double[] bestX = x0.clone();
        double[] bestD = {Double.POSITIVE_INFINITY};
        Patch[] bestPatch = {start};
        ToDoubleFunction<Patch> measure = patch -> {
            if (meter.renders() >= renderLimit || meter.elapsedNanos() >= nanosLimit) {
                throw new RenderMeter.BudgetExhaustedException();
            }
            return meter.distance(patch);
        };
        ToDoubleFunction<double[]> objective = x -> {
            Patch patch = apply(start, slots, x);
            double d = measure.applyAsDouble(patch);
            if (d < bestD[0]) {
                bestD[0] = d;
                bestPatch[0] = patch;
                System.arraycopy(x, 0, bestX, 0, n);
            }
            return d;
        };
        try {
            // the start itself, unchanged (θ → display → θ need not round-trip exactly)
            bestD[0] = measure.applyAsDouble(start);
            if (n == 0) {
                return Optional.of(new Candidate(start, bestD[0]));
            }
            double sigma = config.sigma();
            for (int run = 0; run <= MAX_RESTARTS; run++) {
                double[] s = new double[n];
                Arrays.fill(s, sigma);
                int lambda = config.populationSize() > 0 ? config.populationSize()
                        : 4 + (int) Math.floor(3 * Math.log(n));
                CMAESOptimizer optimizer = new CMAESOptimizer(MAX_ITERATIONS, 0, true, 0, 0, random, false, null);
                double[] lo = new double[n];
                double[] hi = new double[n];
                Arrays.fill(hi, 1);
                optimizer.optimize(new MaxEval(Integer.MAX_VALUE), new MaxIter(MAX_ITERATIONS),
                        new ObjectiveFunction(objective::applyAsDouble), GoalType.MINIMIZE,
                        new InitialGuess(bestX.clone()), new SimpleBounds(lo, hi),
                        new CMAESOptimizer.Sigma(s), new CMAESOptimizer.PopulationSize(lambda));
                sigma /= 2;
            }
        } catch (RenderMeter.BudgetExhaustedException e) {
            // the stage's budget is spent: keep the best point so far
        }
        if (Double.isInfinite(bestD[0])) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(bestPatch[0], bestD[0]));
    }
}
