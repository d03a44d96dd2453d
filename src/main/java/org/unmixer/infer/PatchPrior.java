package org.unmixer.infer;

import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;

/**
 * A distribution over patches, sampled by index: the same index and source always give the same
 * patch. Retrieval and sampling baselines ({@code random}, {@code nn}) draw from one, so they can be
 * wired to the dataset sampler; {@link UniformPrior} is the built-in default.
 */
@FunctionalInterface
public interface PatchPrior {
    /**
     * The {@code index}-th patch for this source. The patch's source is {@code source} (its kind
     * decides whether the patch has a synth section).
     */
    Patch sample(long index, SourceSpec source);
}
