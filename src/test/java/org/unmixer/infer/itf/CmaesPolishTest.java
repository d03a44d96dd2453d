package org.unmixer.infer.itf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.metrics.AudioMetrics;

class CmaesPolishTest {
    private static Patch patch(double drive, double bellGain) {
        return new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 0.3, 0.1, 4), java.util.Optional.empty(), SaturatorBellChain.of(drive, bellGain));
    }

    @Test
    void aSmallSearchAroundTheStartGetsCloserAndNeverFarther() {
        AudioBuffer target = Renderer.render(patch(15, 9), Renderer.DEFAULT_RATE);
        Patch start = patch(11, 5);
        double before = AudioMetrics.standard().mrStft(Renderer.render(start, Renderer.DEFAULT_RATE), target);

        CmaesPolish.Result r = CmaesPolish.polish(start, before, target, 60, 1);

        assertThat(r.renders()).isBetween(2, 60);
        assertThat(r.after()).isLessThan(before);
        assertThat(AudioMetrics.standard().mrStft(Renderer.render(r.patch(), Renderer.DEFAULT_RATE), target))
                .isCloseTo(r.after(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.patch().chainNames()).isEqualTo(start.chainNames());

        // Already at the target: nothing closer exists, so the start comes back.
        Patch truth = patch(15, 9);
        CmaesPolish.Result same = CmaesPolish.polish(truth, 0.0, target, 10, 1);
        assertThat(same.patch()).isEqualTo(truth);
        assertThat(same.after()).isZero();
    }
}
