package org.unmixer.infer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.model.ChainDecoder;
import org.unmixer.model.ModelConfig;
import org.unmixer.model.OutputLayout;
import org.unmixer.model.Prediction;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;

/**
 * Turns a {@link Prediction} into patches: one per predicted chain, every continuous parameter at
 * its {@linkplain Prediction#point point estimate} (the mean of the most heavily weighted
 * mixture component) and every discrete one at its most probable class. On {@code id-full} with
 * {@code unmixer-default} (same chains each time): MR-STFT 3.178 with this estimate, 3.128 with
 * the mixture mean (which blurs octave transpositions into semitone ones), 3.810 with the mode. Parameters the model does
 * not estimate keep the value its training data had: the device default, or the base preset the
 * model config names (Multiband Dynamics starts from OTT).
 */
public final class PredictedPatches {
    private final Catalog catalog;
    private final OutputLayout layout;
    private final ModelConfig config;

    public PredictedPatches(Catalog catalog, OutputLayout layout, ModelConfig config) {
        this.catalog = catalog;
        this.layout = layout;
        this.config = config;
    }

    /** The patch for one predicted chain; {@code source} says what feeds it (a synth note or a known signal). */
    public Patch patch(Prediction p, ChainDecoder.Chain chain, SourceSpec source) {
        Optional<SynthSpec> synth = source.kind() == org.unmixer.dsp.patch.SourceKind.SYNTH
                ? Optional.of(synth(p)) : Optional.empty();
        List<DeviceSettings> devices = new ArrayList<>();
        for (int effect : chain.effects()) {
            devices.add(settings(p, layout.effects().get(effect), effect + 1));
        }
        return new Patch(source, synth, devices);
    }

    /** The synth as predicted: its parameters and the two wavetables. */
    public SynthSpec synth(Prediction p) {
        DeviceSettings s = settings(p, layout.instrument(), OutputLayout.SYNTH_SLOT);
        return new SynthSpec(s, wavetable(p, OutputLayout.OSC1_TABLE), wavetable(p, OutputLayout.OSC2_TABLE));
    }

    /** The predicted gate as a fraction of the input length. */
    public double gateFraction(Prediction p) {
        for (int j = 0; j < layout.continuous().size(); j++) {
            if (layout.continuous().get(j).name().equals(OutputLayout.SOURCE_GATE)) {
                return p.point(j);
            }
        }
        throw new IllegalStateException("the layout has no gate target");
    }

    private DeviceSettings settings(Prediction p, String deviceName, int slot) {
        DeviceSpec device = catalog.device(deviceName);
        String preset = config.basePresets().get(deviceName);
        DeviceSettings s = preset == null ? device.defaults() : device.preset(preset);
        for (int j = 0; j < layout.continuous().size(); j++) {
            OutputLayout.Continuous c = layout.continuous().get(j);
            if (c.slot() == slot && c.spec() != null) {
                s = s.withNormalized(c.spec().name(), clamp(p.point(j)));
            }
        }
        for (int j = 0; j < layout.discrete().size(); j++) {
            OutputLayout.Discrete d = layout.discrete().get(j);
            if (d.slot() == slot && d.spec() != null) {
                int n = d.classes().size();
                s = s.withNormalized(d.spec().name(), n == 1 ? 0 : p.argmax(j) / (double) (n - 1));
            }
        }
        return wholeSemitones(s);
    }

    /**
     * The oscillators' transpositions rounded to whole semitones, as Live steps them: the network's
     * estimate of a discrete choice is continuous (−12.3 st), which the renderer would play 30 cents
     * off — and the note inferred from the detected pitch less Osc 1's transposition with it —
     * while the rebuilt device in Live plays the rounded value.
     */
    static DeviceSettings wholeSemitones(DeviceSettings s) {
        for (String name : WHOLE_SEMITONES) {
            if (s.device().indexOf(name) >= 0) {
                s = s.with(java.util.Map.of(name, (double) Math.round(s.get(name))));
            }
        }
        return s;
    }

    private static final List<String> WHOLE_SEMITONES = List.of("Osc 1 Transp", "Osc 2 Transp");

    private WavetableRef wavetable(Prediction p, String target) {
        for (int j = 0; j < layout.discrete().size(); j++) {
            OutputLayout.Discrete d = layout.discrete().get(j);
            if (d.name().equals(target)) {
                String name = d.classes().get(p.argmax(j));
                int slash = name.indexOf('/');
                return new WavetableRef(name.substring(0, slash), name.substring(slash + 1));
            }
        }
        throw new IllegalStateException("the layout has no " + target + " target");
    }

    private static double clamp(double theta) {
        return Math.max(0, Math.min(1, theta));
    }
}
