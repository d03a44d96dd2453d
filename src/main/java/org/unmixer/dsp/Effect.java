package org.unmixer.dsp;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.params.DeviceSettings;

/**
 * An audio effect device of the reference renderer.
 *
 * <p>Implementations are stateless: {@link #render} is a pure function of its arguments. Filter and
 * delay memory lives in locals created per call, so the same input and settings always give the
 * same output, and two threads may render with one instance.
 */
public interface Effect {

    /** Live's device name, as in the catalog ({@code "Saturator"}). */
    String deviceName();

    /**
     * Processes {@code input} (any channel count, usually stereo) with the given settings and
     * returns a new buffer of the same length, channel count and rate; the input is not modified.
     * Output past the input's end (a reverb tail) is cut: callers leave room in the source.
     */
    AudioBuffer render(AudioBuffer input, DeviceSettings settings);
}
