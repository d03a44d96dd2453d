package org.unmixer.model.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * Each effect's proxy network, sized to how far back (and ahead) the effect looks. Kernel 3 with
 * dilations doubling from 1 gives a receptive field of 2^(L+1) − 1 samples for L layers.
 *
 * <ul>
 *   <li>Saturator: a memoryless curve between short half-band filters (27 taps at 2×), a 5 Hz DC
 *       filter and a Color EQ: 8 layers, 511 samples (12 ms).</li>
 *   <li>EQ Eight, Multiband Dynamics: resonant low bands and envelope followers ring or integrate
 *       over tens of milliseconds: 12 layers, 8 191 samples (186 ms).</li>
 *   <li>Phaser-Flanger and Reverb: the same for now; their LFO phase and long tails need side
 *       channels and a longer (or frame-domain) path, not built yet.</li>
 * </ul>
 */
public final class ProxyDesigns {
    static final int CHANNELS = 16;
    static final int CONDITION_HIDDEN = 64;

    private ProxyDesigns() {
    }

    public static ProxyTcn.Config forDevice(String device, int conditionSize) {
        int layers = device.equals("Saturator") ? 8 : 12;
        List<Integer> dilations = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            dilations.add(1 << l);
        }
        return new ProxyTcn.Config(1, conditionSize, CHANNELS, 3, dilations, CONDITION_HIDDEN);
    }
}
