package org.unmixer.app.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.unmixer.app.audio.Signals.RATE;
import static org.unmixer.app.audio.Signals.dc;
import static org.unmixer.app.audio.Signals.ramp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;

class AbPlayerTest {
    private static final PlaybackFormat FORMAT = new PlaybackFormat(RATE, 2);
    private static final int BLOCK = AbPlayer.BLOCK_FRAMES;
    private static final float SCALE = 1e-5f;
    private static final float EPS = 1e-6f;

    /** Remembers what the player said. */
    static final class Events implements PlaybackListener {
        final List<Double> positions = new CopyOnWriteArrayList<>();
        final List<String> states = new CopyOnWriteArrayList<>();
        final List<String> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void positionChanged(double seconds) {
            positions.add(seconds);
        }

        @Override
        public void stateChanged(boolean playing, AbSource source) {
            states.add((playing ? "playing " : "stopped ") + source);
        }

        @Override
        public void statusChanged(String status) {
            statuses.add(status);
        }
    }

    private static void renderBlocks(AbPlayer p, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(p.renderNextBlock()).isTrue();
        }
    }

    @Test
    void switchingToBMidPlayContinuesAtTheSameFrame() {
        RecordingOutput out = new RecordingOutput();
        AbPlayer p = AbPlayer.manual(out, FORMAT);
        p.load(ramp(SCALE, 40_000), ramp(-SCALE, 40_000));
        p.play();
        renderBlocks(p, 4);
        assertThat(p.positionFrames()).isEqualTo(4 * BLOCK);
        p.toggleSource();
        assertThat(p.source()).isEqualTo(AbSource.B);
        assertThat(p.positionFrames()).isEqualTo(4 * BLOCK);
        renderBlocks(p, 4);
        float[] left = out.channel(0);
        float[] right = out.channel(1);
        assertThat(left).hasSize(8 * BLOCK);
        for (int i = 5 * BLOCK; i < 8 * BLOCK; i++) {
            assertThat(left[i]).isCloseTo(-SCALE * i, within(EPS));
            assertThat(right[i]).isEqualTo(left[i]);
        }
    }

    @Test
    void swappingTheRebuildWhilePlayingKeepsThePosition() {
        RecordingOutput out = new RecordingOutput();
        AbPlayer p = AbPlayer.manual(out, FORMAT);
        p.load(ramp(SCALE, 40_000), ramp(-SCALE, 40_000));
        p.setSource(AbSource.B);
        p.play();
        renderBlocks(p, 3);
        p.setB(ramp(-2 * SCALE, 30_000));
        assertThat(p.positionFrames()).isEqualTo(3 * BLOCK);
        renderBlocks(p, 3);
        float[] left = out.channel(0);
        for (int i = 4 * BLOCK; i < 6 * BLOCK; i++) {
            assertThat(left[i]).isCloseTo(-2 * SCALE * i, within(EPS));
        }
    }

    @Test
    void rebuildAtAnotherRateAndChannelCountIsConvertedToTheOutputFormat() {
        RecordingOutput out = new RecordingOutput();
        AbPlayer p = AbPlayer.manual(out, FORMAT);
        float[] x = new float[24_000];
        p.load(AudioBuffer.mono(new float[44_100], RATE), new AudioBuffer(new float[][] {x, x, x}, 48_000));
        assertThat(p.lengthSeconds()).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void endOfTheProgrammeStopsRewindsAndTellsTheListener() {
        RecordingOutput out = new RecordingOutput();
        AbPlayer p = AbPlayer.manual(out, FORMAT);
        Events events = new Events();
        p.addListener(events);
        p.load(dc(0.5f, 3 * BLOCK - 100), dc(0.5f, BLOCK));
        p.play();
        renderBlocks(p, 3);
        assertThat(p.isPlaying()).isFalse();
        assertThat(p.positionFrames()).isZero();
        assertThat(p.renderNextBlock()).isFalse();
        assertThat(events.states).endsWith("playing A", "stopped A");
        assertThat(events.positions).hasSizeGreaterThanOrEqualTo(3).endsWith(0.0);
    }

    @Test
    void pauseHoldsThePositionAndStopWhilePausedRewindsAtOnce() {
        RecordingOutput out = new RecordingOutput();
        AbPlayer p = AbPlayer.manual(out, FORMAT);
        Events events = new Events();
        p.load(dc(0.5f, 40_000), dc(0.25f, 40_000));
        p.addListener(events);
        p.play();
        renderBlocks(p, 3);
        p.pause();
        renderBlocks(p, 1); // the fade-out (221 frames) fits in one block
        assertThat(p.renderNextBlock()).isFalse();
        int held = p.positionFrames();
        // the playhead stops where the 5 ms fade (221 frames) ends
        assertThat(held).isEqualTo(3 * BLOCK + 221);
        p.play();
        renderBlocks(p, 1);
        assertThat(p.positionFrames()).isEqualTo(held + BLOCK);
        p.pause();
        renderBlocks(p, 1);
        p.stop();
        assertThat(p.positionFrames()).isZero();
        assertThat(events.positions).endsWith(0.0);
        assertThat(events.states).endsWith("stopped A");
    }

    @Test
    void loopingKeepsPlayingPastTheEnd() {
        RecordingOutput out = new RecordingOutput();
        AbPlayer p = AbPlayer.manual(out, FORMAT);
        p.load(ramp(SCALE, 1000), ramp(SCALE, 1000));
        p.setLooping(true);
        p.play();
        renderBlocks(p, 5);
        assertThat(p.isPlaying()).isTrue();
        assertThat(p.positionFrames()).isEqualTo(5 * BLOCK % 1000);
        assertThat(out.channel(0)[1000 + 300]).isCloseTo(300 * SCALE, within(EPS));
    }

    @Test
    void withoutAnAudioDeviceEverythingButSoundKeepsWorking() {
        RecordingOutput out = RecordingOutput.withoutDevice();
        AbPlayer p = AbPlayer.manual(out, FORMAT);
        Events events = new Events();
        p.addListener(events);
        p.load(dc(0.5f, 10_000), dc(0.25f, 10_000));
        p.play();
        assertThat(p.isPlaying()).isFalse();
        assertThat(p.status()).startsWith("no audio output device: ").doesNotContain("\n");
        assertThat(events.statuses).containsExactly(p.status());
        assertThat(p.renderNextBlock()).isFalse();
        p.toggleSource();
        p.seek(0.1);
        p.setLooping(true);
        assertThat(p.source()).isEqualTo(AbSource.B);
        assertThat(p.positionFrames()).isEqualTo(4410);
        assertThat(out.blocksWritten()).isZero();
        p.close();
    }

    @Test
    void aDeviceFailingMidPlayIsReportedAndStopsTheTransport() {
        RecordingOutput out = new RecordingOutput();
        AbPlayer p = AbPlayer.manual(out, FORMAT);
        p.load(dc(0.5f, 10_000), dc(0.25f, 10_000));
        p.play();
        renderBlocks(p, 1);
        out.close();
        assertThat(p.renderNextBlock()).isFalse();
        assertThat(p.isPlaying()).isFalse();
        assertThat(p.status()).startsWith("audio output failed: ");
    }

    @Test
    void swappingBeforeLoadingIsRejected() {
        AbPlayer p = AbPlayer.manual(new RecordingOutput(), FORMAT);
        assertThatThrownBy(() -> p.setB(dc(0.5f, 10))).isInstanceOf(IllegalStateException.class);
        p.play();
        assertThat(p.isPlaying()).isFalse();
    }

    @Test
    void theAudioThreadRendersWhilePlayingAndStopsOnClose() throws InterruptedException {
        RecordingOutput out = new RecordingOutput();
        AbPlayer p = AbPlayer.start(out, FORMAT);
        try {
            p.load(dc(0.5f, 10_000), dc(0.25f, 10_000));
            p.setLooping(true);
            var written = out.expectWrites(10);
            p.play();
            // generous: the fake output never blocks, so this only guards against a hang
            assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out.channel(0)).contains(0.5f);
        } finally {
            p.close();
        }
    }

    @Test
    void theJavaSoundOutputOpensOrSaysInOneLineWhyNot() {
        JavaSoundOutput o = new JavaSoundOutput();
        try {
            o.open(RATE, 2);
            assertThat(o.isOpen()).isTrue();
            o.write(new float[][] {new float[64], new float[64]});
        } catch (OutputUnavailableException e) {
            assertThat(e.getMessage()).startsWith("no audio output device: ").doesNotContain("\n");
            assertThat(o.isOpen()).isFalse();
        } finally {
            o.close();
        }
        assertThat(o.isOpen()).isFalse();
    }
}
