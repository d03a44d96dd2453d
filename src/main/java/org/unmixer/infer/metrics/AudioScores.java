package org.unmixer.infer.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four audio metrics of one estimate against its target (all lower-is-better, 0 for identical
 * audio).
 *
 * @param mrStft multi-resolution STFT distance
 * @param logMelL1 mean |log-mel difference|, natural-log units
 * @param mfccL2 mean over frames of the MFCC (c1…c20) difference's L2 norm
 * @param loudnessDiffLu |LUFS difference|, LU, silence floored at −70 LUFS
 */
public record AudioScores(double mrStft, double logMelL1, double mfccL2, double loudnessDiffLu) {

    /** As metric name → value, names from {@link MetricNames}. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(MetricNames.MR_STFT, mrStft);
        m.put(MetricNames.LOG_MEL_L1, logMelL1);
        m.put(MetricNames.MFCC_L2, mfccL2);
        m.put(MetricNames.LOUDNESS_DIFF_LU, loudnessDiffLu);
        return m;
    }
}
