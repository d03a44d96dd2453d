package org.unmixer.infer.metrics;

/**
 * Names of the metrics as they appear in {@link ExampleScores#metrics()} and in a bench's
 * {@code results.json}. Lower is better for distances and errors, higher for accuracies, matches
 * and F1.
 */
public final class MetricNames {
    /** Multi-resolution STFT distance (the project's one audio distance). */
    public static final String MR_STFT = "mr_stft";
    /** Mean |log-mel difference|, natural-log units. */
    public static final String LOG_MEL_L1 = "log_mel_l1";
    /** Mean over frames of the L2 norm of the MFCC (c1…c20) difference. */
    public static final String MFCC_L2 = "mfcc_l2";
    /** |LUFS difference| with silence floored at −70 LUFS, in LU. */
    public static final String LOUDNESS_DIFF_LU = "loudness_diff_lu";
    /** Mean |θ̂ − θ| over estimated continuous parameters of matched devices. */
    public static final String PARAM_MAE = "param_mae";
    /** Prefix of the per-device parameter MAE: {@code "param_mae.EQ Eight"}. */
    public static final String PARAM_MAE_PREFIX = PARAM_MAE + ".";
    /** Fraction of estimated quantized parameters of matched devices whose item is right. */
    public static final String DISCRETE_ACCURACY = "discrete_accuracy";
    /** Macro precision of effect presence in one example. */
    public static final String PRESENCE_PRECISION = "presence_precision";
    /** Macro recall of effect presence in one example. */
    public static final String PRESENCE_RECALL = "presence_recall";
    /** Macro F1 of effect presence in one example. */
    public static final String PRESENCE_F1 = "presence_f1";
    /** 1 when the ordered device names are equal, else 0. */
    public static final String CHAIN_EXACT = "chain_exact";
    /** 1 when equal after swapping adjacent linear time-invariant devices, else 0. */
    public static final String CHAIN_EXACT_COMMUTING = "chain_exact_commuting";
    /** Levenshtein distance of the device-name sequences over the longer length. */
    public static final String CHAIN_LEVENSHTEIN = "chain_levenshtein";
    /** Prefix of best-of-K MR-STFT distance: {@code "best_of_3"}. */
    public static final String BEST_OF_PREFIX = "best_of_";

    private MetricNames() {}

    /** {@code "param_mae.<device>"}. */
    public static String paramMaeOf(String deviceName) {
        return PARAM_MAE_PREFIX + deviceName;
    }

    /** {@code "best_of_<k>"}. */
    public static String bestOf(int k) {
        return BEST_OF_PREFIX + k;
    }
}
