package org.unmixer.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.unmixer.live.osc.PortInUseException;
import org.unmixer.live.sim.LiveSetSimulator;
import org.unmixer.live.sim.LiveSimOptions;
import org.unmixer.live.LiveVersion;
import org.unmixer.params.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer fake-live}: the Live set simulator on UDP loopback, standing in for Ableton Live
 * with AbletonOSC and our Max device when no Live answers (demos, manual tests of the bridge).
 */
@Command(name = "fake-live", mixinStandardHelpOptions = true,
        description = "Pretend to be Ableton Live 12 with AbletonOSC and the Un-Mixer Link device, on UDP 127.0.0.1.")
final class FakeLiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "11000",
            description = "AbletonOSC's listening port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--reply-port", paramLabel = "P", defaultValue = "11001",
            description = "Where AbletonOSC replies, at the sender's address (default: ${DEFAULT-VALUE}).")
    int replyPort;

    @Option(names = "--device-port", paramLabel = "P", defaultValue = "11020",
            description = "The Max device's listening port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int devicePort;

    @Option(names = "--device-reply-port", paramLabel = "P", defaultValue = "11021",
            description = "Where the Max device replies on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int deviceReplyPort;

    @Option(names = "--tick-ms", paramLabel = "MS", defaultValue = "100",
            description = "Requests are handled once per tick, as Live polls AbletonOSC (default: ${DEFAULT-VALUE}).")
    int tickMs;

    @Option(names = "--live-version", paramLabel = "V", defaultValue = "12.3.5",
            description = "The Live version to report; before 12.3 the device cannot insert devices (default: ${DEFAULT-VALUE}).")
    String liveVersion;

    @Option(names = "--no-max-device", description = "Start without the Un-Mixer Link device (an empty set; its port stays closed).")
    boolean noMaxDevice;

    @Option(names = "--no-abletonosc", description = "Start without AbletonOSC (its port stays closed).")
    boolean noAbletonOsc;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds (default: run until interrupted).")
    Double seconds;

    @Override
    public Integer call() throws InterruptedException {
        if (seconds != null && !(seconds > 0)) {
            throw new BadInputException("--seconds " + seconds + " must be above 0");
        }
        LiveSimOptions options = new LiveSimOptions(port, replyPort, devicePort, deviceReplyPort, tickMs,
                LiveVersion.fromUser(liveVersion), !noMaxDevice, !noAbletonOsc);
        PrintWriter out = spec.commandLine().getOut();
        LiveSetSimulator sim;
        try {
            sim = LiveSetSimulator.start(options, line -> print(out, line));
        } catch (PortInUseException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        try (sim) {
            print(out, String.format(Locale.ROOT, "fake-live: Live %s, one tick every %d ms", options.liveVersion(), tickMs));
            print(out, sim.abletonOscPort() < 0 ? "fake-live: no AbletonOSC (--no-abletonosc)"
                    : "fake-live: AbletonOSC listening on udp 127.0.0.1:" + sim.abletonOscPort()
                            + ", replying to the sender at port " + replyPort);
            print(out, sim.devicePort() < 0 ? "fake-live: no Un-Mixer Link device (--no-max-device)"
                    : "fake-live: Un-Mixer Link listening on udp 127.0.0.1:" + sim.devicePort()
                            + ", replying to 127.0.0.1:" + deviceReplyPort + " (track 0 \"Un-Mixer\")");
            print(out, seconds == null ? "fake-live: running until interrupted (Ctrl-C)"
                    : String.format(Locale.ROOT, "fake-live: running for %.3g s", seconds));
            if (seconds == null) {
                new CountDownLatch(1).await();
            } else {
                Thread.sleep(Math.round(seconds * 1000));
            }
            print(out, "fake-live: stopped after " + sim.tickCount() + " ticks");
        }
        return ErrorReporter.OK;
    }

    private static void print(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
