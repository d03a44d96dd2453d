package org.unmixer.dsp;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;

/**
 * Something that turns a patch into audio of a given length: the reference renderer
 * ({@link #REFERENCE}), or Live itself driven through the Un-Mixer device
 * ({@code live.LiveRenderer}), the second renderer of DESIGN.md §1.
 */
@FunctionalInterface
public interface PatchRenderer {
    PatchRenderer REFERENCE = Renderer::render;

    AudioBuffer render(Patch patch, int sampleRate, double seconds);
}
