package org.unmixer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reference values from ITU-R BS.1770-4 and the EBU Tech 3341 minimum-requirement test signals. */
class LoudnessTest {
    /** EBU Tech 3341 allows ±0.1 LU for its test signals. */
    private static final double EBU_TOLERANCE_LU = 0.1;
    /** The 48 kHz coefficients are printed with 14 digits; the bilinear re-derivation agrees to ~1e-8. */
    private static final double COEFFICIENT_TOLERANCE = 1e-7;

    @Test
    void kWeightingAt48kHzEqualsTheTableInTheStandard() {
        double[][] shelf = Loudness.highShelf(48_000);
        assertThat(shelf[0][0]).isCloseTo(1.53512485958697, offset(COEFFICIENT_TOLERANCE));
        assertThat(shelf[0][1]).isCloseTo(-2.69169618940638, offset(COEFFICIENT_TOLERANCE));
        assertThat(shelf[0][2]).isCloseTo(1.19839281085285, offset(COEFFICIENT_TOLERANCE));
        assertThat(shelf[1][1]).isCloseTo(-1.69065929318241, offset(COEFFICIENT_TOLERANCE));
        assertThat(shelf[1][2]).isCloseTo(0.73248077421585, offset(COEFFICIENT_TOLERANCE));
        double[][] hp = Loudness.highPass(48_000);
        assertThat(hp[0]).containsExactly(1.0, -2.0, 1.0);
        assertThat(hp[1][1]).isCloseTo(-1.99004745483398, offset(COEFFICIENT_TOLERANCE));
        assertThat(hp[1][2]).isCloseTo(0.99007225036621, offset(COEFFICIENT_TOLERANCE));
    }

    @Test
    void ebuCase1And2StereoSineReadsItsLevel() {
        for (double dbfs : new double[] {-23, -33}) {
            float[] tone = sine(1000, dbfs, 48_000, 10);
            AudioBuffer stereo = new AudioBuffer(new float[][] {tone, tone}, 48_000);
            assertThat(Loudness.integratedLufs(stereo)).isCloseTo(dbfs, offset(EBU_TOLERANCE_LU));
        }
    }

    @Test
    void fullScaleSineInOneChannelReadsMinus3Point01() {
        float[] tone = sine(997, 0, 48_000, 5);
        assertThat(Loudness.integratedLufs(AudioBuffer.mono(tone, 48_000))).isCloseTo(-3.01, offset(0.02));
        AudioBuffer leftOnly = new AudioBuffer(new float[][] {tone, new float[tone.length]}, 48_000);
        assertThat(Loudness.integratedLufs(leftOnly)).isCloseTo(-3.01, offset(0.02));
    }

    @Test
    void ebuCase3RelativeGateIgnoresTheQuietParts() {
        AudioBuffer a = stereo(48_000, new double[] {-36, -23, -36}, new double[] {10, 60, 10});
        assertThat(Loudness.integratedLufs(a)).isCloseTo(-23, offset(EBU_TOLERANCE_LU));
    }

    @Test
    void ebuCase4BothGates() {
        AudioBuffer a = stereo(48_000, new double[] {-72, -36, -23, -36, -72}, new double[] {10, 10, 60, 10, 10});
        assertThat(Loudness.integratedLufs(a)).isCloseTo(-23, offset(EBU_TOLERANCE_LU));
    }

    @Test
    void otherSampleRatesReadTheSame() {
        for (int rate : new int[] {22_050, 44_100, 96_000}) {
            float[] tone = sine(1000, -20, rate, 3);
            AudioBuffer stereo = new AudioBuffer(new float[][] {tone, tone}, rate);
            assertThat(Loudness.integratedLufs(stereo)).as("%d Hz", rate).isCloseTo(-20, offset(EBU_TOLERANCE_LU));
        }
    }

    @Test
    void surroundChannelsWeigh1Point41AndLfeIsExcluded() {
        float[] tone = sine(1000, -20, 48_000, 3);
        float[] zero = new float[tone.length];
        double front = Loudness.integratedLufs(new AudioBuffer(new float[][] {tone, zero, zero, zero, zero, zero}, 48_000));
        double surround = Loudness.integratedLufs(new AudioBuffer(new float[][] {zero, zero, zero, zero, tone, zero}, 48_000));
        double lfe = Loudness.integratedLufs(new AudioBuffer(new float[][] {zero, zero, zero, tone, zero, zero}, 48_000));
        assertThat(surround - front).isCloseTo(10 * Math.log10(1.41), offset(1e-6));
        assertThat(lfe).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void silenceHasNoLoudnessAndNormalizeLeavesItAlone() {
        AudioBuffer silence = AudioBuffer.silence(2, 48_000, 48_000);
        assertThat(Loudness.integratedLufs(silence)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Loudness.normalize(silence, -14)).isSameAs(silence);
    }

    @Test
    void normalizeHitsTheTarget() {
        Random random = new Random(3);
        float[][] ch = new float[2][44_100 * 2];
        for (float[] c : ch) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (0.05 * random.nextGaussian());
            }
        }
        AudioBuffer noise = new AudioBuffer(ch, 44_100);
        AudioBuffer loud = Loudness.normalize(noise, -14);
        assertThat(Loudness.integratedLufs(loud)).isCloseTo(-14, offset(1e-3));
        assertThat(noise.channel(0)[0]).isEqualTo((float) (0.05 * new Random(3).nextGaussian())); // input untouched
    }

    @Test
    void shortAudioIsOneBlock() {
        float[] tone = sine(1000, -20, 48_000, 0.25);
        AudioBuffer stereo = new AudioBuffer(new float[][] {tone, tone}, 48_000);
        assertThat(Loudness.integratedLufs(stereo)).isCloseTo(-20, offset(0.15)); // filter settling in 250 ms
    }

    @Test
    void peakAndRmsOfASine() {
        AudioBuffer a = AudioBuffer.mono(sine(1000, -6.0206, 48_000, 1), 48_000); // amplitude 0.5
        assertThat(Loudness.peakDb(a)).isCloseTo(-6.0206, offset(1e-3));
        assertThat(Loudness.rmsDb(a)).isCloseTo(-6.0206 - 3.0103, offset(1e-3));
        assertThat(Loudness.peakDb(AudioBuffer.silence(1, 10, 48_000))).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    static float[] sine(double hz, double dbfs, int rate, double seconds) {
        double amp = Math.pow(10, dbfs / 20);
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** A 1 kHz stereo sine whose level steps through {@code dbfs} for {@code seconds} each. */
    static AudioBuffer stereo(int rate, double[] dbfs, double[] seconds) {
        int total = 0;
        for (double s : seconds) {
            total += (int) Math.round(s * rate);
        }
        float[] x = new float[total];
        int i = 0;
        for (int part = 0; part < dbfs.length; part++) {
            double amp = Math.pow(10, dbfs[part] / 20);
            int n = (int) Math.round(seconds[part] * rate);
            for (int k = 0; k < n; k++, i++) {
                x[i] = (float) (amp * Math.sin(2 * Math.PI * 1000.0 * i / rate));
            }
        }
        return new AudioBuffer(new float[][] {x, x}, rate);
    }
}
