package org.unmixer.infer.baseline;

import java.util.List;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.RenderMeter;
import org.unmixer.params.Catalog;

/**
 * {@code mean}: the default preset, what a producer gets before touching a knob. For a synth source,
 * Wavetable at its catalog defaults with {@link WavetableRef#DEFAULT} on both oscillators, playing
 * the input's note, and no chain; for a known source, the source alone. Score 0, no renders.
 */
public final class MeanBaseline implements Estimator {

    @Override
    public String name() {
        return "mean";
    }

    @Override
    public Estimation estimate(EstimationInput input) {
        long start = System.nanoTime();
        RenderMeter.checkInterrupted();
        return new Estimation(List.of(new Candidate(defaultPatch(input.source()), 0)), 0, System.nanoTime() - start);
    }

    /** The default preset for this source: default Wavetable (synth sources) and an empty chain. */
    public static Patch defaultPatch(SourceSpec source) {
        Optional<SynthSpec> synth = source.kind() == SourceKind.SYNTH
                ? Optional.of(new SynthSpec(Catalog.standard().device("Wavetable").defaults(),
                        WavetableRef.DEFAULT, WavetableRef.DEFAULT))
                : Optional.empty();
        return new Patch(source, synth, List.of());
    }
}
