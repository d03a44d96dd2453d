package org.unmixer.live.sim;

import org.unmixer.live.LiveVersion;
import org.unmixer.params.BadInputException;

/**
 * How a {@link LiveSetSimulator} runs. Build from {@link #defaults()} (what Live + AbletonOSC + our
 * device use) or {@link #forTests} and adjust with the {@code with…} methods.
 *
 * @param abletonOscPort where AbletonOSC listens (default 11000; 0 = any free port)
 * @param replyPort where AbletonOSC replies, at the sender's address (default 11001; AbletonOSC
 *     itself cannot change it, the simulator can so that tests use free ports; 0 = replies are
 *     dropped and logged)
 * @param devicePort where the Max device listens (default 11020; 0 = any free port)
 * @param deviceReplyPort where the Max device replies, on 127.0.0.1 (default 11021; 0 = dropped)
 * @param tickMs the processing tick in ms (default 100, Live's tick that AbletonOSC is polled on):
 *     requests are queued and handled once per tick, all those queued so far at once
 * @param liveVersion the version Live reports (default 12.3.5)
 * @param maxDevice whether the set starts with our Max device on a MIDI track named "Un-Mixer"
 *     (default yes); without it the set starts empty and the device port is not opened
 * @param abletonOsc whether AbletonOSC is installed (default yes); without it its port is not opened
 */
public record LiveSimOptions(int abletonOscPort, int replyPort, int devicePort, int deviceReplyPort, int tickMs,
        LiveVersion liveVersion, boolean maxDevice, boolean abletonOsc) {
    /** The version the simulator pretends to be unless told otherwise. */
    public static final LiveVersion SIMULATED_VERSION = new LiveVersion(12, 3, 5);
    public static final int ABLETON_OSC_PORT = 11000;
    public static final int ABLETON_OSC_REPLY_PORT = 11001;
    public static final int DEVICE_PORT = 11020;
    public static final int DEVICE_REPLY_PORT = 11021;
    public static final int TICK_MS = 100;
    /** Longest tick accepted, so a typo cannot make the simulator look dead. */
    public static final int MAX_TICK_MS = 10_000;

    public LiveSimOptions {
        checkPort("--port", abletonOscPort);
        checkPort("--reply-port", replyPort);
        checkPort("--device-port", devicePort);
        checkPort("--device-reply-port", deviceReplyPort);
        if (tickMs < 1 || tickMs > MAX_TICK_MS) {
            throw new BadInputException("--tick-ms " + tickMs + " is out of range 1.." + MAX_TICK_MS);
        }
        if (liveVersion == null) {
            throw new BadInputException("Live version missing");
        }
    }

    /** Live's and our device's standard ports, a 100 ms tick, Live 12.3.5, both AbletonOSC and the device. */
    public static LiveSimOptions defaults() {
        return new LiveSimOptions(ABLETON_OSC_PORT, ABLETON_OSC_REPLY_PORT, DEVICE_PORT, DEVICE_REPLY_PORT, TICK_MS,
                SIMULATED_VERSION, true, true);
    }

    /**
     * Free listening ports, replies to the given ports (a test client's), and a short tick so that
     * tests run quickly (timing is never asserted).
     */
    public static LiveSimOptions forTests(int replyPort, int deviceReplyPort) {
        return new LiveSimOptions(0, replyPort, 0, deviceReplyPort, 10, SIMULATED_VERSION, true, true);
    }

    public LiveSimOptions withPorts(int newAbletonOscPort, int newReplyPort, int newDevicePort, int newDeviceReplyPort) {
        return new LiveSimOptions(newAbletonOscPort, newReplyPort, newDevicePort, newDeviceReplyPort, tickMs, liveVersion,
                maxDevice, abletonOsc);
    }

    public LiveSimOptions withTickMs(int newTickMs) {
        return new LiveSimOptions(abletonOscPort, replyPort, devicePort, deviceReplyPort, newTickMs, liveVersion,
                maxDevice, abletonOsc);
    }

    public LiveSimOptions withLiveVersion(LiveVersion version) {
        return new LiveSimOptions(abletonOscPort, replyPort, devicePort, deviceReplyPort, tickMs, version, maxDevice,
                abletonOsc);
    }

    public LiveSimOptions withMaxDevice(boolean present) {
        return new LiveSimOptions(abletonOscPort, replyPort, devicePort, deviceReplyPort, tickMs, liveVersion, present,
                abletonOsc);
    }

    public LiveSimOptions withAbletonOsc(boolean present) {
        return new LiveSimOptions(abletonOscPort, replyPort, devicePort, deviceReplyPort, tickMs, liveVersion, maxDevice,
                present);
    }

    private static void checkPort(String option, int port) {
        if (port < 0 || port > 65_535) {
            throw new BadInputException(option + " " + port + " is not a UDP port (0..65535)");
        }
    }
}
