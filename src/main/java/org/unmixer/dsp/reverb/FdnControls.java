package org.unmixer.dsp.reverb;

import java.util.HashSet;
import java.util.Set;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;

/**
 * Everything the {@link FeedbackDelayNetwork} needs, derived once per render. Arrays are indexed by
 * line and must not be modified.
 *
 * <p>Decay: every line's delay gets the per-pass gain γ^d with γ = 0.001^(1/(T60·fs)) (folded into
 * {@code highFilters}), and the all-pass in each line has its internal delay scaled by γ^M. The
 * whole loop is then the lossless network evaluated at z/γ, so every pole sits at radius γ and the
 * broadband RT60 is exactly T60 (Jot &amp; Chaigne 1991). The Hadamard mixing's 1/√N is folded into
 * the line gain too. The shortest delay is at least {@link FeedbackDelayNetwork#BLOCK} samples or
 * the network runs with shorter blocks. Band damping multiplies each line by a first-order shelf whose plateau gain
 * is {@link DecayMath#bandGain} over the line's whole loop length d + M, so the band decays in
 * ratio·T60.
 *
 * @param delays loop delay of each line (samples, distinct primes)
 * @param allPassLengths in-loop all-pass delay of each line (samples, distinct primes)
 * @param allPassGain all-pass coefficient (Diffusion), 0 ≤ g &lt; 1
 * @param allPassLoopGains γ^M per line, the all-pass's share of the decay
 * @param loopFilters per line: the line gain γ^d/√N times the high filter times the low shelf
 *     (two first-order sections multiplied into one second-order section)
 * @param modExcursion peak delay modulation (samples); 0 turns chorus off
 * @param modRateHz delay modulation rate (Hz)
 * @param bufferLength power of two ≥ the longest delay read
 * @param allPassBufferLength power of two &gt; the longest all-pass delay
 */
public record FdnControls(
        int[] delays, int[] allPassLengths, double allPassGain, double[] allPassLoopGains,
        Biquad[] loopFilters, double modExcursion, double modRateHz,
        int bufferLength, int allPassBufferLength) {

    /** Number of lines; the fast Hadamard mixing is written for 8. */
    public static final int LINES = 8;

    public static FdnControls design(double[] delayTargets, double allPassScale, double allPassGain,
            LoopDamping damping, double modExcursion, double modRateHz, double sampleRate) {
        if (delayTargets.length != LINES) {
            throw new IllegalArgumentException("need " + LINES + " delay targets, got " + delayTargets.length);
        }
        if (!(allPassGain >= 0 && allPassGain < 1)) {
            throw new IllegalArgumentException("all-pass gain must be in [0, 1), got " + allPassGain);
        }
        Set<Integer> taken = new HashSet<>();
        int[] delays = Primes.distinct(delayTargets, taken);
        double[] apTargets = new double[LINES];
        for (int i = 0; i < LINES; i++) {
            apTargets[i] = Math.max(2, allPassScale * delays[i]);
        }
        int[] apLengths = Primes.distinct(apTargets, taken);

        double t60 = damping.t60Seconds();
        double gamma = damping.freeze() ? 1 : DecayMath.loopGain(1, t60, sampleRate);
        boolean filtersOn = !(damping.freeze() && damping.flat());
        double[] apLoopGains = new double[LINES];
        Biquad[] filters = new Biquad[LINES];
        int longest = 0;
        int longestAp = 0;
        for (int i = 0; i < LINES; i++) {
            double lineDelay = delays[i] + modExcursion; // mean read delay
            double loop = lineDelay + apLengths[i];
            apLoopGains[i] = Math.pow(gamma, apLengths[i]);
            double lineGain = Math.pow(gamma, lineDelay) / Math.sqrt(LINES);
            Biquad h = Biquad.IDENTITY;
            if (filtersOn && damping.high() == LoopDamping.High.SHELF) {
                h = LoopFilters.highShelf(
                        DecayMath.bandGain(loop, t60, damping.highRatio(), sampleRate), damping.highHz(), sampleRate);
            } else if (filtersOn && damping.high() == LoopDamping.High.LOW_PASS) {
                h = Biquads.onePoleLowPass(damping.highHz(), sampleRate);
            }
            Biquad low = filtersOn && damping.lowShelf()
                    ? LoopFilters.lowShelf(
                            DecayMath.bandGain(loop, t60, damping.lowRatio(), sampleRate), damping.lowHz(), sampleRate)
                    : Biquad.IDENTITY;
            filters[i] = LoopFilters.product(LoopFilters.scaled(h, lineGain), low);
            longest = Math.max(longest, (int) Math.ceil(delays[i] + 2 * modExcursion) + 2);
            longestAp = Math.max(longestAp, apLengths[i] + 1);
        }
        return new FdnControls(delays, apLengths, allPassGain, apLoopGains, filters, modExcursion, modRateHz,
                Integer.highestOneBit(longest - 1) << 1, Integer.highestOneBit(longestAp - 1) << 1);
    }
}
