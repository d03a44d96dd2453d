package org.unmixer.app.spectrogram;

/**
 * A logarithmic frequency axis: row r (0 = lowest) covers {@code [fMin·2^(r/rowsPerOctave),
 * fMin·2^((r+1)/rowsPerOctave))}.
 *
 * <p>Why log-frequency and not mel: the sounds are pitched synth notes and their harmonics, which a
 * producer reads in octaves and semitones; on a log axis every octave gets the same height and a
 * transposed note is the same picture shifted. Mel is nearly linear below 1 kHz and would squeeze
 * the bass, where a synth's fundamental and its filter sweeps live, into a few rows.
 *
 * @param minHz lower edge of row 0
 * @param rowsPerOctave resolution; 24 = a quarter tone per row
 * @param rows number of rows
 */
public record LogFrequencyAxis(double minHz, int rowsPerOctave, int rows) {
    /** 20 Hz to 20.48 kHz, 10 octaves × 24 rows: the audible range at quarter-tone resolution. */
    public static final LogFrequencyAxis AUDIBLE = new LogFrequencyAxis(20, 24, 240);

    public LogFrequencyAxis {
        if (!(minHz > 0) || rowsPerOctave < 1 || rows < 1) {
            throw new IllegalArgumentException("bad axis: " + minHz + " Hz, " + rowsPerOctave + "/octave, " + rows + " rows");
        }
    }

    /** Lower edge of row {@code r} (r = rows gives the top edge of the axis). */
    public double edgeHz(int r) {
        return minHz * Math.pow(2, r / (double) rowsPerOctave);
    }

    /** Geometric centre of row {@code r}. */
    public double centreHz(int r) {
        return minHz * Math.pow(2, (r + 0.5) / rowsPerOctave);
    }

    public double maxHz() {
        return edgeHz(rows);
    }

    /** The row containing {@code hz}, or −1 outside the axis. */
    public int rowOf(double hz) {
        if (!(hz >= minHz) || hz >= maxHz()) {
            return -1;
        }
        return Math.min(rows - 1, (int) Math.floor(rowsPerOctave * Math.log(hz / minHz) / Math.log(2)));
    }
}
