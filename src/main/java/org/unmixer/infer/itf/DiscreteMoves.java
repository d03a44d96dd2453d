package org.unmixer.infer.itf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.dsp.source.Wavetables;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * The patches one discrete change away from a patch: what gradients cannot move, and where ITF's
 * runs stall (a wrong wavetable, an octave off, the second oscillator or the sub on when it was off,
 * the filter's type or slope, a device too many or two devices the wrong way round). ITF tries
 * them by the reference renderer between its gradient steps ({@link EffectItf.Settings#movesEvery}).
 *
 * <p>Synth (a synth source only): each oscillator's other wavetables; Osc 1 an octave either way or
 * back to 0; Osc 2 an octave, a fifth or a fourth either way or back to 0; Osc 2, the sub and Filter 1
 * switched; the sub's other octaves; Filter 1's other types and slope. Chain: each device removed;
 * each two neighbours swapped. Pure: the same patch gives the same list in the same order.
 */
public final class DiscreteMoves {
    private static final double[] OSC_1_INTERVALS = {-12, 12};
    private static final double[] OSC_2_INTERVALS = {-12, -7, -5, 5, 7, 12};

    private DiscreteMoves() {
    }

    /** Every patch one move away, without duplicates and without the patch itself. */
    public static List<Patch> neighbours(Patch patch) {
        Set<Patch> out = new LinkedHashSet<>();
        if (patch.synth().isPresent() && patch.source().kind() == SourceKind.SYNTH) {
            synthMoves(patch, patch.synth().get(), out);
        }
        chainMoves(patch, out);
        out.remove(patch);
        return List.copyOf(out);
    }

    /**
     * At most how many neighbours this patch, or any patch moves reach from it, has: every
     * oscillator, switch and filter on, and the chain never longer (moves only remove or swap).
     */
    public static int atMost(Patch patch) {
        int synth = 0;
        if (patch.synth().isPresent() && patch.source().kind() == SourceKind.SYNTH) {
            DeviceSettings s = patch.synth().get().settings();
            int otherTables = Wavetables.catalog().size() - 1;
            synth = 2 * otherTables + (OSC_1_INTERVALS.length + 1) + 1 + (OSC_2_INTERVALS.length + 1) + 1
                    + (s.device().param("Sub Transpose").items().size() - 1) + 1
                    + (s.device().param("Filter 1 Type").items().size() - 1) + (s.device().param("Filter 1 Slope").items().size() - 1);
        }
        int n = patch.chain().size();
        return synth + (n == 0 ? 0 : 2 * n - 1);
    }

    private static void synthMoves(Patch patch, SynthSpec synth, Set<Patch> out) {
        DeviceSettings s = synth.settings();
        for (Wavetables.Entry e : Wavetables.catalog()) {
            WavetableRef table = new WavetableRef(e.category(), e.name());
            out.add(withSynth(patch, new SynthSpec(s, table, synth.oscillator2(), synth.unison())));
            if (s.isOn("Osc 2 On")) {
                out.add(withSynth(patch, new SynthSpec(s, synth.oscillator1(), table, synth.unison())));
            }
        }
        transpositions(patch, synth, "Osc 1 Transp", OSC_1_INTERVALS, out);
        toggle(patch, synth, "Osc 2 On", out);
        if (s.isOn("Osc 2 On")) {
            transpositions(patch, synth, "Osc 2 Transp", OSC_2_INTERVALS, out);
        }
        toggle(patch, synth, "Sub On", out);
        if (s.isOn("Sub On")) {
            everyOtherItem(patch, synth, "Sub Transpose", out);
        }
        toggle(patch, synth, "Filter 1 On", out);
        if (s.isOn("Filter 1 On")) {
            everyOtherItem(patch, synth, "Filter 1 Type", out);
            everyOtherItem(patch, synth, "Filter 1 Slope", out);
        }
    }

    /** Up and down by each interval, and back to 0; whole semitones inside the parameter's range. */
    private static void transpositions(Patch patch, SynthSpec synth, String name, double[] intervals, Set<Patch> out) {
        ParamSpec p = synth.settings().device().param(name);
        double now = Math.round(synth.settings().get(name));
        List<Double> targets = new ArrayList<>();
        for (double interval : intervals) {
            targets.add(now + interval);
        }
        targets.add(0.0);
        for (double t : targets) {
            if (t >= p.min() && t <= p.max() && t != now) {
                out.add(withSynth(patch, with(synth, synth.settings().with(name, t))));
            }
        }
    }

    private static void toggle(Patch patch, SynthSpec synth, String name, Set<Patch> out) {
        out.add(withSynth(patch, with(synth, synth.settings().with(name, synth.settings().isOn(name) ? "Off" : "On"))));
    }

    private static void everyOtherItem(Patch patch, SynthSpec synth, String name, Set<Patch> out) {
        ParamSpec p = synth.settings().device().param(name);
        String now = synth.settings().item(name);
        for (String item : p.items()) {
            if (!item.equals(now)) {
                out.add(withSynth(patch, with(synth, synth.settings().with(name, item))));
            }
        }
    }

    private static void chainMoves(Patch patch, Set<Patch> out) {
        List<DeviceSettings> chain = patch.chain();
        for (int k = 0; k < chain.size(); k++) {
            List<DeviceSettings> without = new ArrayList<>(chain);
            without.remove(k);
            out.add(patch.withChain(without));
        }
        for (int k = 0; k + 1 < chain.size(); k++) {
            List<DeviceSettings> swapped = new ArrayList<>(chain);
            swapped.set(k, chain.get(k + 1));
            swapped.set(k + 1, chain.get(k));
            out.add(patch.withChain(swapped));
        }
    }

    private static SynthSpec with(SynthSpec synth, DeviceSettings settings) {
        return new SynthSpec(settings, synth.oscillator1(), synth.oscillator2(), synth.unison());
    }

    private static Patch withSynth(Patch patch, SynthSpec synth) {
        return new Patch(patch.source(), Optional.of(synth), patch.chain());
    }
}
