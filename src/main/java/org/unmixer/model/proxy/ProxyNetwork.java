package org.unmixer.model.proxy;

import ai.djl.nn.Block;

/**
 * A trained stand-in for one effect: a DJL block taking audio [B, I, T] (the signal, then side
 * channels such as an LFO) and the conditioning vector [B, P], returning the effect's output
 * [B, 1, T]. Two designs: {@link ProxyTcn} (sample domain) and {@link SpectralMaskProxy} (frame
 * domain).
 */
public interface ProxyNetwork extends Block {
    ProxyConfig config();

    /** A network's shape, enough to rebuild it before loading its weights. */
    sealed interface ProxyConfig permits ProxyTcn.Config, SpectralMaskProxy.Config {
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
    }
}
