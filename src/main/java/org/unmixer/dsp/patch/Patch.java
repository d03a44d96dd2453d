package org.unmixer.dsp.patch;

import java.util.List;
import java.util.Optional;
import org.unmixer.params.BadInputException;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSettings;

/**
 * Source + ordered chain + every parameter: everything the reference renderer needs to make a
 * sound, and the exchange format of the whole product (patch JSON {@code unmixer-patch/1}, see
 * {@link PatchJson}).
 *
 * @param source what feeds the chain
 * @param synth the instrument; present exactly when the source kind is {@link SourceKind#SYNTH}
 * @param chain audio effects in signal order, at most {@link #MAX_CHAIN} devices
 */
public record Patch(SourceSpec source, Optional<SynthSpec> synth, List<DeviceSettings> chain) {
    public static final int MAX_CHAIN = 8;

    public Patch {
        chain = List.copyOf(chain);
        if (chain.size() > MAX_CHAIN) {
            throw new BadInputException("the chain has " + chain.size() + " devices; at most " + MAX_CHAIN + " are allowed");
        }
        if (source.kind() == SourceKind.SYNTH && synth.isEmpty()) {
            throw new BadInputException("source.kind is \"synth\" but the patch has no \"synth\" section");
        }
        if (source.kind() != SourceKind.SYNTH && synth.isPresent()) {
            throw new BadInputException("source.kind is \"" + source.kind().jsonName()
                    + "\": a \"synth\" section makes no sense with a known source");
        }
        for (DeviceSettings d : chain) {
            if (d.device().kind() != DeviceKind.AUDIO_EFFECT) {
                throw new BadInputException("chain: \"" + d.device().name() + "\" is not an audio effect");
            }
        }
    }

    /** Device names of the chain, in order. */
    public List<String> chainNames() {
        return chain.stream().map(d -> d.device().name()).toList();
    }

    /** The same patch with another chain. */
    public Patch withChain(List<DeviceSettings> newChain) {
        return new Patch(source, synth, newChain);
    }

    /** The same patch with another source (the synth section is kept only for synth sources). */
    public Patch withSource(SourceSpec newSource) {
        return new Patch(newSource, newSource.kind() == SourceKind.SYNTH ? synth : Optional.empty(), chain);
    }
}
