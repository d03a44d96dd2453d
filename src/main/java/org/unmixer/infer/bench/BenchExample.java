package org.unmixer.infer.bench;

import java.util.Objects;
import java.util.Optional;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;

/**
 * One bench example: the target audio every method hears, the source facts every method is given,
 * and the labelled patch when there is one (then patch metrics and the oracle are available).
 *
 * @param id a stable name (a suite index such as {@code id-full/0007}, or a file name)
 */
public record BenchExample(String id, AudioBuffer target, SourceSpec source, Optional<Patch> truth) {
    public BenchExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(truth, "truth");
    }
}
