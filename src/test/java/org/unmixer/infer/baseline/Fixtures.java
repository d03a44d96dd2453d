package org.unmixer.infer.baseline;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.Budget;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.UniformPrior;

/** Short sounds for baseline tests: 0.3 s gate + 0.2 s tail at 44.1 kHz, so tests stay fast. */
final class Fixtures {
    static final SourceSpec SOURCE = new SourceSpec(SourceKind.SYNTH, 60, 100, 0.3, 0.2, 0);
    static final int RATE = Renderer.DEFAULT_RATE;

    private Fixtures() {
    }

    static AudioBuffer render(Patch patch) {
        return Renderer.render(patch, RATE);
    }

    /** The prior's patch {@code index} (seed 7) for {@link #SOURCE}. */
    static Patch priorPatch(long index) {
        return new UniformPrior(7).sample(index, SOURCE);
    }

    static EstimationInput inputFor(Patch patch, Budget budget) {
        return new EstimationInput(render(patch), patch.source(), budget);
    }
}
