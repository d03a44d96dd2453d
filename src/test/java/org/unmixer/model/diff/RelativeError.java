package org.unmixer.model.diff;

/** ‖estimate − reference‖ / ‖reference‖ over all channels, for comparing a differentiable device with its reference. */
final class RelativeError {
    private RelativeError() {
    }

    /** @param flat the estimate, channel-major: [channels · samples] */
    static double of(float[][] reference, float[] flat) {
        double err = 0;
        double ref = 0;
        int n = reference[0].length;
        for (int c = 0; c < reference.length; c++) {
            for (int i = 0; i < n; i++) {
                double d = flat[c * n + i] - reference[c][i];
                err += d * d;
                ref += reference[c][i] * (double) reference[c][i];
            }
        }
        return Math.sqrt(err / ref);
    }
}
