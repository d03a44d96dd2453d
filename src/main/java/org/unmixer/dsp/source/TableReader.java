package org.unmixer.dsp.source;

/**
 * Periodic read of one cycle ({@link Wavetable#TABLE_SIZE} + 1 samples, the last equal to the
 * first) at {@code inc} table samples per output sample, from a start phase in table samples, with
 * linear interpolation, into a left and a right gain. Holds its phase from one block to the next;
 * one instance per oscillator per render.
 */
final class TableReader {
    private final double[] cycle;
    private final double inc;
    private final double leftGain;
    private final double rightGain;
    private double phase;

    TableReader(double[] cycle, double inc, double startPhase, double leftGain, double rightGain) {
        if (!(inc >= 0 && inc < Wavetable.TABLE_SIZE) || !(startPhase >= 0 && startPhase < Wavetable.TABLE_SIZE)) {
            throw new IllegalArgumentException("table increment " + inc + " / start phase " + startPhase
                    + " outside [0, " + Wavetable.TABLE_SIZE + ")");
        }
        this.cycle = cycle;
        this.inc = inc;
        this.phase = startPhase;
        this.leftGain = leftGain;
        this.rightGain = rightGain;
    }

    /** True when both channels get the same gain. */
    boolean isCentred() {
        return leftGain == rightGain;
    }

    /** Adds the next n samples into left/right (pass the same array twice for a mono voice). */
    void add(double[] left, double[] right, int n) {
        final double[] c = cycle;
        final double size = Wavetable.TABLE_SIZE;
        double p = phase;
        if (left == right) {
            for (int i = 0; i < n; i++) {
                int idx = (int) p;
                double a = c[idx];
                left[i] += leftGain * (a + (p - idx) * (c[idx + 1] - a));
                p += inc;
                if (p >= size) {
                    p -= size;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                int idx = (int) p;
                double a = c[idx];
                double v = a + (p - idx) * (c[idx + 1] - a);
                left[i] += leftGain * v;
                right[i] += rightGain * v;
                p += inc;
                if (p >= size) {
                    p -= size;
                }
            }
        }
        phase = p;
    }
}
