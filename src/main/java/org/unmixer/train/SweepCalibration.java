package org.unmixer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;
import org.unmixer.model.proxy.ModulatedFilterProxy;
import org.unmixer.model.proxy.ProxyData;
import org.unmixer.model.proxy.ProxyNetwork;

/**
 * Sets {@link ModulatedFilterProxy#sweepParameter() how far the LFO sweeps} each Phaser-Flanger
 * mode by a search over candidate values, each judged by the proxy's mean MR-STFT distance to the
 * device on pairs of that mode: the audio loss is rough in the positions of notches and echoes, so
 * its gradient from zero does not find the sweep (training made such a proxy worse), while a
 * search over one number per mode does. The values found are then kept while the rest trains.
 */
public final class SweepCalibration implements ProxyTrainer.Pretraining {
    /** Candidates per mode: Phaser ±4 octaves (in nepers), Flanger ±2 octaves, Doubler ±20 ms, 17 each. */
    private static final double[] SPANS = {4 * Math.log(2), 2 * Math.log(2), 20};
    private static final int CANDIDATES = 17;
    private static final String[] MODES = {"Phaser", "Flanger", "Doubler"};

    private final java.util.function.IntFunction<ProxyData.Example> source;
    private final int pairs;
    private final double[] found = new double[3];

    /**
     * @param source the pairs by index ({@link ProxyData#example}); pairs 0 … {@code pairs − 1} are searched on
     */
    public SweepCalibration(java.util.function.IntFunction<ProxyData.Example> source, int pairs) {
        this.source = source;
        this.pairs = pairs;
    }

    @Override
    public void run(ProxyNetwork net, NDManager manager, ProxyTrainer.Progress progress) {
        ModulatedFilterProxy proxy = (ModulatedFilterProxy) net;
        int modeAt = proxy.config().mode();
        List<List<ProxyData.Example>> byMode = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < pairs; i++) {
            ProxyData.Example e = source.apply(i);
            for (int k = 0; k < 3; k++) {
                if (e.condition()[modeAt + k] == 1) {
                    byMode.get(k).add(e);
                }
            }
        }
        NDArray sweep = proxy.sweepParameter().getArray();
        MultiResolutionStftDistance d = MultiResolutionStftDistance.standard();
        for (int k = 0; k < 3; k++) {
            List<ProxyData.Example> examples = byMode.get(k);
            if (examples.isEmpty()) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            double bestValue = 0;
            for (int c = 0; c < CANDIDATES; c++) {
                double value = SPANS[k] * (2.0 * c / (CANDIDATES - 1) - 1);
                sweep.set(new NDIndex("{}", k), (float) value);
                double total = 0;
                for (ProxyData.Example e : examples) {
                    try (NDManager m = manager.newSubManager()) {
                        NDArray x = m.create(e.network()).reshape(1, net.config().inputChannels(), e.input().length);
                        NDArray cond = m.create(e.condition()).reshape(1, e.condition().length);
                        float[] out = net.forward(new ParameterStore(m, false), new NDList(x, cond), false).singletonOrThrow().toFloatArray();
                        total += d.distance(out, e.target());
                    }
                }
                double mean = total / examples.size();
                if (mean < best) {
                    best = mean;
                    bestValue = value;
                }
            }
            sweep.set(new NDIndex("{}", k), (float) bestValue);
            found[k] = bestValue;
            progress.message(String.format(Locale.ROOT, "%s sweep %.3f per unit of Amount × LFO (MR-STFT %.3f on %d pairs)",
                    MODES[k], bestValue, best, examples.size()));
        }
    }

    /** The values the last {@link #run} set: Phaser, Flanger, Doubler. */
    public double[] found() {
        return found.clone();
    }

    @Override
    public Set<ai.djl.nn.Parameter> frozen(ProxyNetwork net) {
        return Set.of(((ModulatedFilterProxy) net).sweepParameter());
    }
}
