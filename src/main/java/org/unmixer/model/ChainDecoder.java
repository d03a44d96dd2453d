package org.unmixer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.unmixer.model.hyperbolic.EuclideanGruCell;
import org.unmixer.model.hyperbolic.HyperbolicGruCell;
import org.unmixer.model.hyperbolic.PoincareBall;

/**
 * Emits the ordered effect chain, one device token per step, from the audio embedding z.
 *
 * <p>Vocabulary: the E audio effects, then end-of-chain (EOS, index E) as outputs; the E effects and
 * begin-of-chain (BOS, index E) as inputs. In hyperbolic mode the hidden state, the input tokens and
 * one prototype per output token live in the Poincaré ball and the recurrence is the hyperbolic GRU;
 * the logit of a token is −s·d(h, prototype)², the squared geodesic distance times a learned scale
 * s. Hierarchies embed with little distortion in hyperbolic space, and a chain is a path in a tree
 * of prefixes, which is why we try it. In Euclidean mode the same shapes use the ordinary GRU and
 * −s·‖h − p‖².
 *
 * <p>The decoder computes in float64 (its parameters too; it is tiny): near the ball's boundary,
 * float32 rounds 1 − ‖h‖² to 0 and the gradients of artanh and the conformal factor become
 * infinite, which in training showed up as NaN gradients every few dozen steps. For the same reason
 * the initial state starts inside radius tanh(2) ≈ 0.96/√c.
 *
 * <p>Every effect appears at most once in a chain (the data never repeats one), so tokens already
 * emitted are masked out, in training as in decoding; after E effects only EOS remains.
 */
public final class ChainDecoder extends AbstractBlock {
    private static final float MASKED = -1e4f;

    private final int effects;
    private final int hidden;
    private final int tokenDim;
    private final int maxLength;
    private final PoincareBall ball;
    private final Linear init;
    private final AbstractBlock cell;
    private final Parameter inputTokens;
    private final Parameter prototypes;
    private final Parameter logScale;

    /** One decoded chain: effect indices in order and its probability under the decoder. */
    public record Chain(List<Integer> effects, double probability) {
        public Chain {
            effects = List.copyOf(effects);
        }
    }

    /**
     * @param effects vocabulary size E
     * @param maxLength longest chain, in devices
     * @param ball the ball (hyperbolic mode) or null (Euclidean mode)
     */
    public ChainDecoder(int effects, int hidden, int tokenDim, int maxLength, PoincareBall ball) {
        this.effects = effects;
        this.hidden = hidden;
        this.tokenDim = tokenDim;
        this.maxLength = Math.min(maxLength, effects);
        this.ball = ball;
        this.init = addChildBlock("init", Linear.builder().setUnits(hidden).build());
        this.cell = addChildBlock("cell", ball == null
                ? new EuclideanGruCell(tokenDim, hidden) : new HyperbolicGruCell(tokenDim, hidden, ball));
        String suffix = ball == null ? "" : "Ball";
        this.inputTokens = addParameter(Parameter.builder().setName("inputTokens" + suffix)
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(effects + 1, tokenDim))
                .optInitializer(new UniformInitializer(0.1f)).build());
        this.prototypes = addParameter(Parameter.builder().setName("prototypes" + suffix)
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(effects + 1, hidden))
                .optInitializer(new UniformInitializer(0.1f)).build());
        this.logScale = addParameter(Parameter.builder().setName("logScale")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(1))
                .optInitializer(new ai.djl.training.initializer.ConstantInitializer((float) Math.log(4))).build());
    }

    public boolean hyperbolic() {
        return ball != null;
    }

    /** End-of-chain as an output token, begin-of-chain as an input token. */
    public int eos() {
        return effects;
    }

    /** Always float64, whatever the rest of the network uses (see the class comment). */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, DataType.FLOAT64, inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        init.initialize(manager, DataType.FLOAT64, inputShapes[0]);
        cell.initialize(manager, DataType.FLOAT64, new Shape(batch, tokenDim), new Shape(batch, hidden));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), hidden)};
    }

    /** z [B, embedding] → the initial hidden state h₀ [B, hidden] (in the ball in hyperbolic mode). */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        // Promotion by a float64 product keeps the autograd graph; DJL's toType would cut it.
        NDArray z32 = inputs.singletonOrThrow();
        NDArray z = z32.mul(z32.getManager().ones(z32.getShape(), DataType.FLOAT64));
        NDArray u = init.forward(ps, new NDList(z), training).singletonOrThrow().tanh();
        if (ball == null) {
            return new NDList(u);
        }
        // ‖u‖ ≤ 2: the tangent vector is at most 2 long, so h₀ is at most tanh(2)/√c from the origin.
        return new NDList(ball.expMap0(Scalars.mul(u, 2.0 / Math.sqrt(hidden))));
    }

    /**
     * One step: previous token [B] (int, BOS = E) and state h [B, hidden] → logits [B, E + 1] (not
     * yet masked) and the new state.
     */
    public NDList step(ParameterStore ps, NDArray previousTokens, NDArray h, boolean training) {
        NDArray tokens = ps.getValue(inputTokens, h.getDevice(), training);
        NDArray protos = ps.getValue(prototypes, h.getDevice(), training);
        NDArray x = OneHot.of(h.getManager(), previousTokens.toIntArray(), effects + 1).toType(h.getDataType(), false).matMul(tokens);
        NDArray next = cell.forward(ps, new NDList(x, h), training).singletonOrThrow();
        NDArray a = next.expandDims(1);
        NDArray p = protos.expandDims(0);
        NDArray squared = ball == null ? a.sub(p).square().sum(new int[] {-1}) : ball.distance(a, p).square();
        // A learned temperature: prototypes start near the origin, where squared distances differ little.
        NDArray logits = squared.mul(ps.getValue(logScale, h.getDevice(), training).exp()).neg();
        return new NDList(logits, next);
    }

    /**
     * Teacher-forced cross-entropy of the true chains, averaged over every predicted token
     * (each device and the final EOS), with used tokens masked as in decoding.
     *
     * @param chains [B, L] int effect indices, −1 after the chain's end
     * @return {loss (float64 scalar), token accuracy (scalar, no gradient)}
     */
    public NDList teacherForcedLoss(ParameterStore ps, NDArray h0, int[][] chains, boolean training) {
        NDManager manager = h0.getManager();
        int batch = chains.length;
        int steps = 0;
        for (int[] c : chains) {
            steps = Math.max(steps, length(c) + 1);
        }
        int[] previous = new int[batch];
        Arrays.fill(previous, effects);
        float[] used = new float[batch * (effects + 1)];
        NDArray h = h0;
        List<NDArray> losses = new ArrayList<>();
        float tokensCounted = 0;
        float correct = 0;
        for (int t = 0; t < steps; t++) {
            NDList out = step(ps, manager.create(previous), h, training);
            h = out.get(1);
            int[] target = new int[batch];
            float[] valid = new float[batch];
            for (int b = 0; b < batch; b++) {
                int len = length(chains[b]);
                target[b] = t < len ? chains[b][t] : effects;
                valid[b] = t <= len ? 1 : 0;
            }
            NDArray logits = out.get(0).add(manager.create(used, new Shape(batch, effects + 1)).toType(DataType.FLOAT64, false));
            NDArray logp = logits.logSoftmax(-1);
            NDArray picked = logp.mul(OneHot.of(manager, target, effects + 1).toType(logp.getDataType(), false)).sum(new int[] {-1});
            losses.add(picked.mul(manager.create(valid)).neg());
            int[] argmax = logits.argMax(-1).toType(DataType.INT32, false).toIntArray();
            for (int b = 0; b < batch; b++) {
                tokensCounted += valid[b];
                correct += valid[b] > 0 && argmax[b] == target[b] ? 1 : 0;
                if (t < length(chains[b])) {
                    used[b * (effects + 1) + chains[b][t]] = MASKED;
                }
                previous[b] = t < length(chains[b]) ? chains[b][t] : effects;
            }
        }
        NDArray loss = Scalars.div(NDArrays.stack(new NDList(losses)).sum(), Math.max(tokensCounted, 1));
        return new NDList(loss, manager.create(correct / Math.max(tokensCounted, 1)));
    }

    /**
     * Beam search for the {@code k} most probable chains of one example, by the decoder alone.
     *
     * @param h0 [1, hidden]
     */
    public List<Chain> beamSearch(ParameterStore ps, NDArray h0, int k) {
        return search(ps, h0, k, null).stream().map(s -> new Chain(s.tokens(), Math.exp(s.logp()))).toList();
    }

    /**
     * The {@code k} most probable chains when the presence head says which effects are in:
     * P(chain) = P(set) · P(order | set). P(set) multiplies each effect's presence probability, or
     * its complement for effects left out (the head's calls taken as independent); P(order | set)
     * is the decoder's, renormalised over the orders of that set: at each step only the set's unused
     * effects are allowed, and end-of-chain only once all of them are placed. The {@code k} most
     * probable sets are each ordered by a beam of width {@code k}.
     *
     * @param h0 [1, hidden]
     * @param presence per effect, the probability that it is in the chain
     */
    public List<Chain> rankChains(ParameterStore ps, NDArray h0, double[] presence, int k) {
        if (presence.length != effects) {
            throw new IllegalArgumentException("presence has " + presence.length + " entries, the decoder knows " + effects + " effects");
        }
        List<Searched> sets = new ArrayList<>();
        for (int mask = 0; mask < 1 << effects; mask++) {
            List<Integer> members = new ArrayList<>();
            double logp = 0;
            for (int e = 0; e < effects; e++) {
                double p = Math.min(1 - 1e-9, Math.max(1e-9, presence[e]));
                boolean in = (mask & (1 << e)) != 0;
                logp += Math.log(in ? p : 1 - p);
                if (in) {
                    members.add(e);
                }
            }
            sets.add(new Searched(members, logp));
        }
        sets.sort(Comparator.comparingDouble(Searched::logp).reversed());
        List<Searched> chains = new ArrayList<>();
        java.util.Map<List<Integer>, StepResult> cache = new java.util.HashMap<>();
        for (Searched set : sets.subList(0, Math.min(k, sets.size()))) {
            for (Searched order : search(ps, h0, k, set.tokens(), cache)) {
                chains.add(new Searched(order.tokens(), set.logp() + order.logp()));
            }
        }
        chains.sort(Comparator.comparingDouble(Searched::logp).reversed());
        return chains.subList(0, Math.min(k, chains.size())).stream()
                .map(c -> new Chain(c.tokens(), Math.exp(c.logp()))).toList();
    }

    private record Searched(List<Integer> tokens, double logp) {}

    /** The decoder's step after one prefix: next-token logits and the state to feed next. */
    private record StepResult(float[] logits, NDArray next) {}

    private List<Searched> search(ParameterStore ps, NDArray h0, int k, List<Integer> members) {
        return search(ps, h0, k, members, new java.util.HashMap<>());
    }

    /**
     * Beam search of width {@code k}; with {@code members} non-null, only orders of exactly those
     * effects are allowed (the log-probabilities renormalised over the allowed tokens). A prefix's
     * step does not depend on the set, so {@code cache} (prefix → step result) lets the searches
     * of several sets share work; each search steps its uncached prefixes in one batch.
     */
    private List<Searched> search(ParameterStore ps, NDArray h0, int k, List<Integer> members,
                                  java.util.Map<List<Integer>, StepResult> cache) {
        NDManager manager = h0.getManager();
        record Beam(List<Integer> tokens, double logp, NDArray h, boolean done) {}
        List<Beam> beams = List.of(new Beam(List.of(), 0, h0, false));
        for (int t = 0; t <= maxLength; t++) {
            List<Beam> open = beams.stream().filter(b -> !b.done()).toList();
            if (open.isEmpty()) {
                break;
            }
            List<Beam> uncached = open.stream().filter(b -> !cache.containsKey(b.tokens())).toList();
            if (!uncached.isEmpty()) {
                int[] previous = uncached.stream()
                        .mapToInt(b -> b.tokens().isEmpty() ? effects : b.tokens().get(b.tokens().size() - 1)).toArray();
                NDArray h = NDArrays.concat(new NDList(uncached.stream().map(Beam::h).toList()));
                NDList out = step(ps, manager.create(previous), h, false);
                float[] logits = out.get(0).toType(DataType.FLOAT32, false).toFloatArray();
                for (int b = 0; b < uncached.size(); b++) {
                    float[] row = Arrays.copyOfRange(logits, b * (effects + 1), (b + 1) * (effects + 1));
                    cache.put(uncached.get(b).tokens(), new StepResult(row, out.get(1).get(b).expandDims(0)));
                }
            }
            List<Beam> next = new ArrayList<>(beams.stream().filter(Beam::done).toList());
            for (Beam beam : open) {
                StepResult r = cache.get(beam.tokens());
                double[] logp = logSoftmaxMasked(r.logits(), allowed(beam.tokens(), members, t == maxLength));
                for (int token = 0; token <= effects; token++) {
                    if (Double.isFinite(logp[token])) {
                        List<Integer> tokens = new ArrayList<>(beam.tokens());
                        boolean done = token == effects;
                        if (!done) {
                            tokens.add(token);
                        }
                        next.add(new Beam(List.copyOf(tokens), beam.logp() + logp[token], r.next(), done));
                    }
                }
            }
            next.sort(Comparator.comparingDouble(Beam::logp).reversed());
            beams = next.subList(0, Math.min(k, next.size()));
        }
        return beams.stream().filter(Beam::done).map(b -> new Searched(b.tokens(), b.logp())).toList();
    }

    /**
     * Which tokens may follow {@code used}: unused effects (only the set's, when {@code members} is
     * given) unless this is the last step; end-of-chain always without a set, with one only once
     * every member is placed.
     */
    private boolean[] allowed(List<Integer> used, List<Integer> members, boolean lastStep) {
        boolean[] out = new boolean[effects + 1];
        for (int i = 0; i < effects; i++) {
            out[i] = !lastStep && !used.contains(i) && (members == null || members.contains(i));
        }
        out[effects] = members == null || used.size() == members.size();
        return out;
    }

    /** Log-softmax over the allowed tokens of one row of logits; the others get −∞. */
    private double[] logSoftmaxMasked(float[] logits, boolean[] allowed) {
        double[] out = new double[effects + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= effects; i++) {
            out[i] = allowed[i] ? logits[i] : Double.NEGATIVE_INFINITY;
            max = Math.max(max, out[i]);
        }
        double sum = 0;
        for (double v : out) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        for (int i = 0; i <= effects; i++) {
            out[i] -= log;
        }
        return out;
    }

    private static int length(int[] chain) {
        int n = 0;
        while (n < chain.length && chain[n] >= 0) {
            n++;
        }
        return n;
    }
}
