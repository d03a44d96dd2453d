package org.unmixer.audio.io;

import org.unmixer.audio.AudioBuffer;

/** Samples decoded from a file (as floats, see {@link SampleCodec}) plus what the file said. */
public record DecodedAudio(AudioBuffer audio, AudioFormatInfo format) {}
