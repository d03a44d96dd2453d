package org.unmixer.infer.order;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Loudness;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.LogMelTarget;
import org.unmixer.params.DeviceSettings;

/**
 * Chooses the order of a patch's effect chain by listening: every distinct order
 * ({@link ChainOrders}) is rendered with the patch's settings, brought to the target's loudness (a
 * gain on the render, so the order's own level change is not what decides), and the order whose
 * render is closest to the target by log-mel L1 wins; ties keep the given order. One render per
 * order: up to 120 for five devices.
 *
 * <p>Why: the chain decoder orders long chains little better than chance (on {@code id-full},
 * when the model's effect set is right, its order is right for 2 of 53 five-device chains), while
 * order changes what a non-linear device hears; Okita and Katayose (2026) likewise predict the set
 * with a network and search the order against re-rendered audio.
 */
public final class OrderSearch {
    /** The chosen patch, how many orders were heard, and whether the order changed. */
    public record Result(Patch patch, int renders, boolean reordered, double distance) {}

    private OrderSearch() {
    }

    public static Result best(Patch patch, AudioBuffer target) {
        List<List<DeviceSettings>> orders = ChainOrders.distinct(patch.chain(), d -> d.device().name());
        if (orders.size() < 2) {
            return new Result(patch, 0, false, Double.NaN);
        }
        double targetLufs = Loudness.integratedLufs(target);
        LogMelTarget distanceTo = new LogMelTarget(target);
        double[] distance = new double[orders.size()];
        IntStream.range(0, orders.size()).parallel().forEach(i -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("order search interrupted");
            }
            AudioBuffer render = Renderer.render(patch.withChain(orders.get(i)), target.sampleRate());
            distance[i] = distanceTo.distance(atLoudness(render, targetLufs));
        });
        int chosen = 0;
        for (int i = 1; i < distance.length; i++) {
            if (distance[i] < distance[chosen]) {
                chosen = i;
            }
        }
        return new Result(patch.withChain(orders.get(chosen)), orders.size(), chosen != 0, distance[chosen]);
    }

    /** The render scaled to the target's integrated loudness (unchanged when either is silent). */
    static AudioBuffer atLoudness(AudioBuffer render, double targetLufs) {
        double lufs = Loudness.integratedLufs(render);
        if (!Double.isFinite(lufs) || !Double.isFinite(targetLufs)) {
            return render;
        }
        return render.withGainDb(targetLufs - lufs);
    }
}
