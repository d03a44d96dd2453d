package org.unmixer.testing;

import org.unmixer.live.osc.OscEndpoint;

/** A UDP port on the loopback address that nobody listens on right now (for replies and for "no Live" tests). */
public final class FreePorts {
    private FreePorts() {
    }

    public static int udp() {
        return OscEndpoint.freeLoopbackPort();
    }
}
