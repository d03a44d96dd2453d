package org.unmixer.dsp.source;

/**
 * One periodic table read of the voice: a unison copy of a wavetable oscillator, or the sub.
 *
 * @param part which oscillator it belongs to
 * @param table the wavetable (null for the sub)
 * @param level the mip level read (−1 for the sub)
 * @param position the wave position the cycle was taken at
 * @param hz its frequency
 * @param cycle the cycle read, {@link Wavetable#TABLE_SIZE} + 1 samples
 * @param inc table samples per output sample
 * @param startPhase phase at the first sample, in table samples
 * @param left gain into the left channel (the oscillator's gain, pan, unison copy gain and pan)
 * @param right gain into the right channel
 */
record OscillatorCopy(Part part, Wavetable table, int level, double position, double hz, double[] cycle, double inc,
        double startPhase, double left, double right) {

    enum Part {
        OSC1, OSC2, SUB
    }
}
