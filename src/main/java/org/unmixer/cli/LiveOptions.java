package org.unmixer.cli;

import org.unmixer.live.AbletonOscClient;
import org.unmixer.live.LiveLink;
import org.unmixer.live.MaxDeviceClient;
import picocli.CommandLine.Option;

/** Where Live listens (AbletonOSC and the Un-Mixer device), shared by every command that talks to it. */
final class LiveOptions {
    @Option(names = "--osc-port", paramLabel = "PORT", defaultValue = "" + AbletonOscClient.DEFAULT_SERVER_PORT,
            description = "AbletonOSC's UDP port (default: ${DEFAULT-VALUE}).")
    int oscPort;

    @Option(names = "--osc-reply-port", paramLabel = "PORT", defaultValue = "" + AbletonOscClient.DEFAULT_REPLY_PORT,
            description = "Port AbletonOSC replies to (default: ${DEFAULT-VALUE}).")
    int oscReplyPort;

    @Option(names = "--device-port", paramLabel = "PORT", defaultValue = "" + MaxDeviceClient.DEFAULT_DEVICE_PORT,
            description = "The Un-Mixer device's UDP port (default: ${DEFAULT-VALUE}).")
    int devicePort;

    @Option(names = "--device-reply-port", paramLabel = "PORT", defaultValue = "" + MaxDeviceClient.DEFAULT_REPLY_PORT,
            description = "Port the Un-Mixer device replies to (default: ${DEFAULT-VALUE}).")
    int deviceReplyPort;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "1500",
            description = "How long to wait for each answer from Live (default: ${DEFAULT-VALUE}; Live answers on a 100 ms tick).")
    long timeoutMillis;

    LiveLink.Settings settings() {
        if (timeoutMillis < 100) {
            throw new org.unmixer.params.BadInputException("--timeout-ms must be at least 100 (Live answers on a 100 ms tick), got "
                    + timeoutMillis);
        }
        return new LiveLink.Settings(oscPort, oscReplyPort, devicePort, deviceReplyPort, timeoutMillis);
    }
}
