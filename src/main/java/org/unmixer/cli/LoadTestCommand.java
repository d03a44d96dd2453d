package org.unmixer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.unmixer.params.BadInputException;
import org.unmixer.server.LoadTest;
import org.unmixer.session.Locations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer load-test}: loads a running {@code ./unmixer serve} the way docs/BENCHMARKS.md
 * records it. Exit 0 when every promise held (estimates 200 or 429, malformed requests 4xx, health
 * 200 afterwards), 1 when one did not.
 */
@Command(name = "load-test", mixinStandardHelpOptions = true,
        description = "Load a running ./unmixer serve: simultaneous estimates, then malformed requests, then health;"
                + " prints counts per status, latencies and (with --server-pid) the server's memory.")
final class LoadTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "The server (default: ${DEFAULT-VALUE}).")
    String url = "http://127.0.0.1:8750";

    @Option(names = "--concurrent", paramLabel = "N", description = "Estimates sent at once (default: ${DEFAULT-VALUE}).")
    int concurrent = 50;

    @Option(names = "--malformed", paramLabel = "N", description = "Malformed requests sent after them (default: ${DEFAULT-VALUE}).")
    int malformed = 1000;

    @Option(names = "--malformed-concurrency", paramLabel = "N",
            description = "Malformed requests in flight at once (default: ${DEFAULT-VALUE}).")
    int malformedConcurrency = 8;

    @Option(names = "--file", paramLabel = "FILE.wav", description = "The sound to estimate (default: the bundled pluck).")
    Path file;

    @Option(names = "--itf-steps", paramLabel = "N", description = "The estimates' itfSteps (default: ${DEFAULT-VALUE}).")
    int itfSteps;

    @Option(names = "--server-pid", paramLabel = "PID", description = "The server's process id: report its peak and current RSS (Linux).")
    Long serverPid;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path sound = file != null ? file : Locations.exampleSound();
        if (!Files.isRegularFile(sound)) {
            throw new BadInputException(sound + ": no such file");
        }
        if (concurrent < 0 || malformed < 0 || malformedConcurrency < 1) {
            throw new BadInputException("--concurrent and --malformed must be ≥ 0, --malformed-concurrency ≥ 1");
        }
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--url \"" + url + "\" is not a URL");
        }
        if (base.getHost() == null || base.getPort() < 0 || !"http".equals(base.getScheme())) {
            throw new BadInputException("--url \"" + url + "\" must look like http://127.0.0.1:8750");
        }
        LoadTest.Report r = LoadTest.run(new LoadTest.Settings(base, concurrent, malformed, malformedConcurrency, sound, itfSteps,
                serverPid == null ? OptionalLong.empty() : OptionalLong.of(serverPid)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.valueToTree(r);
            root.put("p50Ms", r.percentileMs(50));
            root.put("p95Ms", r.percentileMs(95));
            root.put("passed", r.passed());
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "estimates: %d at once (itfSteps=%d), statuses %s (0 = no answer) in %.1f s; 200s p50 %d ms, p95 %d ms%n",
                    concurrent, itfSteps, r.estimateStatuses(), r.estimateSeconds(), r.percentileMs(50), r.percentileMs(95));
            out.printf(Locale.ROOT, "malformed: %d, statuses per kind %s; not 4xx: %d%n", malformed, r.malformedStatuses(),
                    r.malformedViolations());
            r.firstErrors().forEach((kind, error) -> out.printf(Locale.ROOT, "no answer to %s, first error: %s%n", kind, error));
            out.printf(Locale.ROOT, "health after: %d %s%n", r.healthStatus(), r.healthBody());
            if (!r.memoryBefore().isEmpty()) {
                out.printf(Locale.ROOT, "server memory (kB): before %s, after %s%n", r.memoryBefore(), r.memoryAfter());
            }
            out.println(r.passed() ? "passed" : "FAILED: " + r.estimateViolations() + " estimates neither 200 nor 429, "
                    + r.malformedViolations() + " malformed not 4xx, health " + r.healthStatus());
        }
        return r.passed() ? ErrorReporter.OK : ErrorReporter.INTERNAL_ERROR;
    }
}
