package org.unmixer.model.proxy;

import ai.djl.nn.Block;

/**
 * A trained stand-in for one effect: a DJL block taking audio [B, I, T] (the signal, then side
 * channels such as an LFO) and the conditioning vector [B, P], returning the effect's output
 * [B, 1, T]. The designs are listed in {@link ProxyDesigns#CONFIG_TYPES}.
 */
public interface ProxyNetwork extends Block {
    ProxyConfig config();

    /** A network's shape, enough to rebuild it before loading its weights. */
    interface ProxyConfig {
        /** The signal plus side channels. */
        int inputChannels();

        /** Length of the conditioning vector. */
        int conditionSize();

        /** Samples the output at t depends on, centred on t. */
        int receptiveField();

        /** The design's name in a saved proxy ({@link ProxyFiles}). */
        String design();

        /** A new, uninitialised network of this shape. */
        ProxyNetwork build();

        /**
         * Weight of the time-domain L1 term beside the MR-STFT loss in training: it pins the phase
         * of a design that can follow the device's; one that cannot (a zero- or minimum-phase gain)
         * would only have its gains pulled down by it.
         */
        default double timeWeight() {
            return 0;
        }
    }
}
