package org.unmixer.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class RendererTest {
    private static final int RATE = 44_100;
    private static final Catalog CATALOG = Catalog.standard();

    private static Patch known(SourceKind kind, long seed, DeviceSettings... chain) {
        return new Patch(new SourceSpec(kind, 60, 100, 0.5, 0.25, seed), Optional.empty(), List.of(chain));
    }

    @Test
    void impulseThroughAnEmptyChainIsOneSample() {
        AudioBuffer out = Renderer.render(known(SourceKind.IMPULSE, 0), RATE);
        assertThat(out.frames()).isEqualTo(Math.round(0.75 * RATE));
        assertThat(out.channelCount()).isEqualTo(2);
        assertThat(out.channel(0)[0]).isEqualTo(1f);
        float rest = 0;
        for (int i = 1; i < out.frames(); i++) {
            rest = Math.max(rest, Math.abs(out.channel(0)[i]));
        }
        assertThat(rest).isZero();
    }

    @Test
    void knownSourcesLastTheirSecondsThenLeaveTheTailSilent() {
        for (SourceKind kind : List.of(SourceKind.NOISE, SourceKind.CHIRP)) {
            AudioBuffer out = Renderer.render(known(kind, 3), RATE);
            int signal = (int) Math.round(0.5 * RATE);
            assertThat(peak(out.channel(0), 0, signal)).as(kind.name()).isGreaterThan(0.3f).isLessThanOrEqualTo(0.5f);
            assertThat(peak(out.channel(0), signal, out.frames())).as(kind.name()).isZero();
        }
    }

    @Test
    void noiseIsRepeatableForASeedAndDiffersAcrossSeeds() {
        assertThat(Renderer.render(known(SourceKind.NOISE, 5), RATE)).isEqualTo(Renderer.render(known(SourceKind.NOISE, 5), RATE));
        assertThat(Renderer.render(known(SourceKind.NOISE, 5), RATE)).isNotEqualTo(Renderer.render(known(SourceKind.NOISE, 6), RATE));
    }

    @Test
    void chainOrderMatters() {
        DeviceSettings saturator = CATALOG.device("Saturator").settings(Map.of("Drive", 24.0, "Type", "Hard Curve"));
        DeviceSettings reverb = CATALOG.device("Reverb").settings(Map.of("Dry/Wet", 60.0));
        AudioBuffer a = Renderer.render(known(SourceKind.NOISE, 1, saturator, reverb), RATE);
        AudioBuffer b = Renderer.render(known(SourceKind.NOISE, 1, reverb, saturator), RATE);
        double diff = 0;
        for (int i = 0; i < a.frames(); i++) {
            diff = Math.max(diff, Math.abs(a.channel(0)[i] - b.channel(0)[i]));
        }
        assertThat(diff).isGreaterThan(0.05);
    }

    @Test
    void explicitLengthAndRateAreHonoured() {
        AudioBuffer out = Renderer.render(known(SourceKind.CHIRP, 0), 48_000, 2.0);
        assertThat(out.sampleRate()).isEqualTo(48_000);
        assertThat(out.frames()).isEqualTo(96_000);
        assertThatThrownBy(() -> Renderer.render(known(SourceKind.CHIRP, 0), 8_000))
                .isInstanceOf(BadInputException.class).hasMessageContaining("sample rate 8000");
    }

    @Test
    void synthNoteRendersAndAnUnknownWavetableIsBadInput() {
        DeviceSettings synth = CATALOG.device("Wavetable").defaults();
        Patch note = new Patch(SourceSpec.synth(60, 100, 0.3), Optional.of(new SynthSpec(synth, WavetableRef.DEFAULT, WavetableRef.DEFAULT)), List.of());
        AudioBuffer out = Renderer.render(note, RATE);
        assertThat(out.peak()).isGreaterThan(0.05f);
        assertThat(out.isFinite()).isTrue();
        Patch unknown = new Patch(SourceSpec.synth(60, 100, 0.3),
                Optional.of(new SynthSpec(synth, new WavetableRef("Basics", "Basic Shape"), WavetableRef.DEFAULT)), List.of());
        assertThatThrownBy(() -> Renderer.render(unknown, RATE)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("Basic Shapes");
    }

    private static float peak(float[] x, int from, int to) {
        float p = 0;
        for (int i = from; i < to; i++) {
            p = Math.max(p, Math.abs(x[i]));
        }
        return p;
    }
}
