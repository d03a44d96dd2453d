package org.unmixer.dsp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.unmixer.params.BadInputException;

class WavetablesTest {
    /** Double-precision FFT round trips of 1024/2048 points: errors ~1e-15 relative; 1e-9 is generous. */
    private static final double FFT_TOLERANCE = 1e-9;
    /** Mip tables are stored as float: relative rounding 6e-8. */
    private static final double FLOAT_TOLERANCE = 1e-6;

    @Test
    void everyCataloguedTableBuildsWithPeakNormalisedFrames() {
        assertThat(Wavetables.catalog()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(Wavetables.categories()).contains("Basics", "Harmonics", "Formant");
        for (Wavetables.Entry e : Wavetables.catalog()) {
            Wavetable t = Wavetables.find(e.category(), e.name());
            assertThat(t.frameCount()).isEqualTo(e.frameCount()).isBetween(16, 64);
            for (int f = 0; f < t.frameCount(); f++) {
                double[] frame = t.frame(f);
                assertThat(frame).hasSize(Wavetable.FRAME_SIZE);
                double framePeak = 0;
                double mean = 0;
                for (double v : frame) {
                    framePeak = Math.max(framePeak, Math.abs(v));
                    mean += v / frame.length;
                }
                assertThat(mean).as("DC removed").isCloseTo(0, within(FFT_TOLERANCE));
                // the full-band waveform (2× table) peaks at 1; its 1024 samples are a subset of it
                double peak = 0;
                for (double v : t.cycle(0, f / (double) (t.frameCount() - 1))) {
                    peak = Math.max(peak, Math.abs(v));
                }
                assertThat(peak).as("%s frame %d", e.name(), f).isCloseTo(1, within(FLOAT_TOLERANCE));
                assertThat(framePeak).isLessThanOrEqualTo(1 + FFT_TOLERANCE);
            }
        }
    }

    @Test
    void firstBasicShapeIsExactlyASine() {
        double[] sine = Wavetables.find("Basics", "Basic Shapes").frame(0);
        for (int i = 0; i < sine.length; i++) {
            assertThat(sine[i]).isCloseTo(Math.sin(2 * Math.PI * i / sine.length), within(FFT_TOLERANCE));
        }
    }

    @Test
    void sawAndSquareFramesHaveTheirFourierSeries() {
        Wavetable basic = Wavetables.find("basics", "basic shapes"); // case is ignored
        double[] saw = basic.harmonicMagnitudes(22);
        double[] square = basic.harmonicMagnitudes(33);
        for (int h = 2; h <= 40; h++) {
            assertThat(saw[h] / saw[1]).as("saw harmonic %d", h).isCloseTo(1.0 / h, within(1e-9));
            assertThat(square[h] / square[1]).as("square harmonic %d", h).isCloseTo(h % 2 == 1 ? 1.0 / h : 0, within(1e-9));
        }
    }

    @Test
    void mipLevelsKeepOnlyTheirHarmonics() {
        Wavetable t = Wavetables.find("Basics", "Sync Sweep");
        for (int level = 0; level < Wavetable.LEVELS; level++) {
            int keep = Wavetable.harmonicsAt(level);
            double[] cycle = t.cycle(level, 0.7);
            assertThat(cycle[Wavetable.TABLE_SIZE]).as("guard sample").isEqualTo(cycle[0]);
            double[] a = java.util.Arrays.copyOf(cycle, Wavetable.TABLE_SIZE);
            new DoubleFFT_1D(Wavetable.TABLE_SIZE).realForward(a);
            double below = 0;
            double above = 0;
            for (int h = 1; h < Wavetable.TABLE_SIZE / 2; h++) {
                double m = Math.hypot(a[2 * h], a[2 * h + 1]);
                if (h <= Math.min(keep, Wavetable.FRAME_SIZE / 2 - 1)) {
                    below = Math.max(below, m);
                } else {
                    above = Math.max(above, m);
                }
            }
            assertThat(below).isGreaterThan(1);
            // tables are stored as float: anything above the level's band is float rounding only
            assertThat(above / below).as("level %d", level).isLessThan(1e-6);
        }
    }

    @Test
    void levelChoiceKeepsEveryPartialBelowTheBandLimit() {
        double fs = 44_100;
        for (double f0 = 20; f0 < 19_000; f0 *= 1.07) {
            int level = Wavetable.levelFor(f0, fs);
            int h = Wavetable.harmonicsAt(level);
            assertThat(h * f0).isLessThanOrEqualTo(Wavetable.BAND_LIMIT * fs);
            if (level > 0) {
                assertThat(2 * h * f0).as("no more than one octave of partials is dropped").isGreaterThan(Wavetable.BAND_LIMIT * fs);
            }
        }
        assertThat(Wavetable.levelFor(21_000, fs)).isEqualTo(-1);
    }

    @Test
    void positionCrossfadesAdjacentFrames() {
        Wavetable t = Wavetables.find("Harmonics", "Harmonic Series");
        int frames = t.frameCount();
        double position = (3 + 0.25) / (frames - 1);
        double[] mixed = t.cycle(0, position);
        double[] a = t.cycle(0, 3.0 / (frames - 1));
        double[] b = t.cycle(0, 4.0 / (frames - 1));
        for (int i = 0; i < mixed.length; i++) {
            assertThat(mixed[i]).isCloseTo(0.75 * a[i] + 0.25 * b[i], within(1e-6));
        }
    }

    @Test
    void unknownNamesGetASuggestion() {
        assertThatThrownBy(() -> Wavetables.find("Basics", "Basic Shape"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("did you mean \"Basic Shapes\"");
        assertThatThrownBy(() -> Wavetables.find("Basic", "Basic Shapes"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("did you mean \"Basics\"");
    }

    @Test
    void framesMustHaveTheLiveFrameSize() {
        assertThatThrownBy(() -> Wavetable.fromFrames("User", "bad", new double[][] {new double[1000]}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
    }
}
