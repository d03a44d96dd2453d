package org.unmixer.app.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.unmixer.app.audio.Signals.dc;
import static org.unmixer.app.audio.Signals.maxStep;
import static org.unmixer.app.audio.Signals.ramp;
import static org.unmixer.app.audio.Signals.sine;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AbMixerTest {
    /** 5 ms at 44.1 kHz. */
    private static final int FADE = 221;
    /** Float rounding of sums of two products of numbers ≤ 1. */
    private static final float EPS = 1e-6f;
    /** x[i] = i · 1e-4 stays below 1 for the lengths used here. */
    private static final float SCALE = 1e-4f;

    private static float[] mono(AbMixer.Block b) {
        return b.samples()[0];
    }

    private static float[] concat(float[] x, float[] y) {
        float[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    @Test
    void fadeFramesOfFiveMillisecondsAt44k1() {
        assertThat(AbMixer.fadeFrames(0.005, 44_100)).isEqualTo(221);
        assertThat(AbMixer.fadeFrames(0, 44_100)).isEqualTo(1);
    }

    @Test
    void switchingToBMidPlayContinuesAtTheSameFrame() {
        MixState s = MixState.initial(ramp(SCALE, 5000), ramp(-SCALE, 5000)).played();
        AbMixer.Block first = AbMixer.render(s, 1000, 1, FADE);
        assertThat(first.next().positionFrames()).isEqualTo(1000);
        assertThat(mono(first)[999]).isCloseTo(999 * SCALE, within(EPS));

        AbMixer.Block second = AbMixer.render(first.next().withSource(AbSource.B), 1000, 1, FADE);
        assertThat(second.next().positionFrames()).isEqualTo(2000);
        float[] out = mono(second);
        for (int k = FADE; k < 1000; k++) {
            assertThat(out[k]).as("frame %d", 1000 + k).isCloseTo(-(1000 + k) * SCALE, within(EPS));
        }
        // mid-fade the output is the linear blend of A and B at the same frame
        int k = FADE / 2;
        double g = 1 - (double) k / FADE;
        assertThat(out[k]).isCloseTo((float) ((2 * g - 1) * (1000 + k) * SCALE), within(EPS));
    }

    @Test
    void crossfadeBetweenTwoDcLevelsStepsNoMoreThanOneFadeIncrement() {
        MixState s = MixState.initial(dc(0.2f, 10_000), dc(0.8f, 10_000)).played();
        AbMixer.Block a = AbMixer.render(s, 1000, 1, FADE);
        AbMixer.Block b = AbMixer.render(a.next().withSource(AbSource.B), 1000, 1, FADE);
        float[] around = concat(Arrays.copyOfRange(mono(a), 500, 1000), mono(b));
        assertThat(maxStep(around)).isLessThanOrEqualTo(0.6 / FADE + EPS);
        assertThat(around[0]).isCloseTo(0.2f, within(EPS));
        assertThat(around[around.length - 1]).isCloseTo(0.8f, within(EPS));
    }

    @Test
    void crossfadeBetweenTwoSinesJumpsNoMoreThanTheSinesThemselves() {
        var sa = sine(440, 0.5f, 20_000);
        var sb = sine(660, 0.5f, 20_000);
        double own = Math.max(maxStep(sa.channel(0)), maxStep(sb.channel(0)));
        MixState s = MixState.initial(sa, sb).played();
        AbMixer.Block a = AbMixer.render(s, 1013, 1, FADE);
        AbMixer.Block b = AbMixer.render(a.next().withSource(AbSource.B), 1000, 1, FADE);
        AbMixer.Block c = AbMixer.render(b.next().withSource(AbSource.A), 1000, 1, FADE);
        float[] around = concat(concat(Arrays.copyOfRange(mono(a), 500, 1013), mono(b)), mono(c));
        // |Δ(gA·a + gB·b)| ≤ gA|Δa| + gB|Δb| + |Δg|·(|a| + |b|) ≤ own + (1/FADE)·(0.5 + 0.5)
        assertThat(maxStep(around)).isLessThanOrEqualTo(own + 1.0 / FADE + EPS);
        // a hard switch would have jumped by up to 1.0 here
        assertThat(own).isLessThan(0.05);
    }

    @Test
    void loopWrapsToTheStart() {
        MixState s = MixState.initial(ramp(SCALE, 1000), ramp(SCALE, 1000)).withLooping(true).played();
        AbMixer.Block b = AbMixer.render(s, 2500, 1, FADE);
        assertThat(b.next().positionFrames()).isEqualTo(500);
        assertThat(b.next().playing()).isTrue();
        float[] out = mono(b);
        assertThat(out[999]).isCloseTo(999 * SCALE, within(EPS));
        assertThat(out[1000]).isCloseTo(0f, within(EPS));
        assertThat(out[1300]).isCloseTo(300 * SCALE, within(EPS));
    }

    @Test
    void endStopsAndRewindsWhenNotLooping() {
        MixState s = MixState.initial(dc(0.5f, 1000), dc(0.5f, 1000)).played();
        AbMixer.Block b = AbMixer.render(s, 1500, 1, FADE);
        assertThat(b.next().playing()).isFalse();
        assertThat(b.next().silent()).isTrue();
        assertThat(b.next().positionFrames()).isZero();
        float[] out = mono(b);
        assertThat(out[999]).isEqualTo(0.5f);
        for (int i = 1000; i < 1500; i++) {
            assertThat(out[i]).isZero();
        }
        // silent: the next block is silence and the playhead holds
        AbMixer.Block after = AbMixer.render(b.next(), 100, 1, FADE);
        assertThat(after.next().positionFrames()).isZero();
        assertThat(mono(after)).containsOnly(0f);
    }

    @Test
    void rebuildShorterThanOriginalIsPaddedWithSilence() {
        MixState s = MixState.initial(dc(0.5f, 1000), dc(0.25f, 500)).withSource(AbSource.B).played();
        assertThat(s.lengthFrames()).isEqualTo(1000);
        AbMixer.Block b = AbMixer.render(s, 1000, 1, FADE);
        float[] out = mono(b);
        assertThat(out[499]).isEqualTo(0.25f);
        for (int i = 500; i < 1000; i++) {
            assertThat(out[i]).isZero();
        }
        assertThat(b.next().playing()).isTrue();
    }

    @Test
    void swappingTheRebuildDuringPlaybackKeepsThePositionAndFades() {
        MixState s = MixState.initial(ramp(SCALE, 5000), ramp(-SCALE, 5000)).withSource(AbSource.B).played();
        AbMixer.Block first = AbMixer.render(s, 700, 1, FADE);
        MixState swapped = first.next().withB(ramp(-2 * SCALE, 4000));
        assertThat(swapped.positionFrames()).isEqualTo(700);
        assertThat(swapped.retiring()).hasSize(1);
        AbMixer.Block second = AbMixer.render(swapped, 1000, 1, FADE);
        assertThat(second.next().positionFrames()).isEqualTo(1700);
        assertThat(second.next().retiring()).isEmpty();
        float[] out = mono(second);
        for (int k = FADE; k < 1000; k++) {
            assertThat(out[k]).isCloseTo(-2 * SCALE * (700 + k), within(EPS));
        }
        // ramps: each step ≤ own slope (2·SCALE) plus one fade increment of the two values (< 0.4)
        assertThat(maxStep(concat(mono(first), out))).isLessThanOrEqualTo(2 * SCALE + 0.4 / FADE + EPS);
    }

    @Test
    void pauseFadesOutAndHoldsThePosition() {
        MixState s = MixState.initial(dc(0.5f, 10_000), dc(0.5f, 10_000)).played();
        AbMixer.Block a = AbMixer.render(s, 1000, 1, FADE);
        AbMixer.Block b = AbMixer.render(a.next().paused(), 1000, 1, FADE);
        assertThat(b.next().silent()).isTrue();
        assertThat(b.next().positionFrames()).isEqualTo(1000 + FADE);
        assertThat(maxStep(concat(mono(a), mono(b)))).isLessThanOrEqualTo(0.5 / FADE + EPS);
        assertThat(mono(b)[FADE]).isZero();
    }

    @Test
    void stopRewindsOnceTheFadeOutIsOver() {
        MixState s = MixState.initial(dc(0.5f, 10_000), dc(0.5f, 10_000)).played();
        AbMixer.Block a = AbMixer.render(s, 1000, 1, FADE);
        AbMixer.Block b = AbMixer.render(a.next().stopped(), 1000, 1, FADE);
        assertThat(b.next().silent()).isTrue();
        assertThat(b.next().positionFrames()).isZero();
        assertThat(maxStep(concat(mono(a), mono(b)))).isLessThanOrEqualTo(0.5 / FADE + EPS);
    }

    @Test
    void switchingWhileSilentTakesEffectAtOnce() {
        MixState s = MixState.initial(dc(0.2f, 1000), dc(0.8f, 1000)).withSource(AbSource.B);
        assertThat(s.b().gain()).isEqualTo(1.0);
        assertThat(s.a().gain()).isZero();
    }

    @Test
    void stereoOutputDuplicatesAMonoSource() {
        MixState s = MixState.initial(dc(0.5f, 1000), dc(0.5f, 1000)).played();
        AbMixer.Block b = AbMixer.render(s, 600, 2, FADE);
        assertThat(b.samples()[1]).containsExactly(b.samples()[0]);
    }

    @Test
    void seekOutsideTheProgrammeIsRejected() {
        MixState s = MixState.initial(dc(0.5f, 1000), dc(0.5f, 800));
        assertThat(s.seek(1000).positionFrames()).isEqualTo(1000);
        assertThatThrownBy(() -> s.seek(1001)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1001");
        assertThatThrownBy(() -> s.seek(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
