package org.unmixer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.unmixer.infer.model.ModelEstimator;
import org.unmixer.server.InferenceServer;
import org.unmixer.server.ServerSettings;
import org.unmixer.session.EstimationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer serve}: the local inference API (docs/api.md) on 127.0.0.1 until Ctrl-C. The port
 * is bound before the model loads, so a port in use is one line and exit 2 at once.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the local inference API on 127.0.0.1 (estimate, render, export; docs/api.md) until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free one).")
    int port = ServerSettings.DEFAULT_PORT;

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder (default: models/unmixer-default).")
    Path model;

    @Option(names = "--workers", paramLabel = "N",
            description = "Estimates, renders and exports worked on at once (default: ${DEFAULT-VALUE}).")
    int workers = ServerSettings.DEFAULT_WORKERS;

    @Option(names = "--queue", paramLabel = "N",
            description = "Requests waiting for a worker; beyond them the answer is 429 with Retry-After (default: ${DEFAULT-VALUE}).")
    int queue = ServerSettings.DEFAULT_QUEUE;

    @Option(names = "--max-body-mb", paramLabel = "MB", description = "Largest request body; larger is 413 (default: ${DEFAULT-VALUE}).")
    int maxBodyMb = ServerSettings.DEFAULT_MAX_BODY_MB;

    @Option(names = "--timeout-seconds", paramLabel = "S",
            description = "Longest a request may wait and work before 503; the work is then cancelled (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = ServerSettings.DEFAULT_TIMEOUT_SECONDS;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = new ServerSettings(port, workers, queue, maxBodyMb * (1L << 20), Duration.ofSeconds(timeoutSeconds),
                ServerSettings.DEFAULT_HANDLER_THREADS);
        Path dir = model != null ? model : ModelLocations.shipped(ModelLocations.DEFAULT);
        InferenceServer server = InferenceServer.bind(settings, System.err);
        ModelEstimator estimator;
        try {
            estimator = ModelEstimator.load("model", dir, EstimationOptions.DEFAULT.topK());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close(); // stop accepting and interrupt the work before the model goes away
            estimator.close();
            stopped.countDown();
        }, "unmixer-serve-shutdown"));
        server.start(estimator, dir.toAbsolutePath().normalize().getFileName().toString());
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving on " + server.uri() + " (model " + dir + "; " + workers + (workers == 1 ? " worker" : " workers")
                + ", queue " + queue + "; Ctrl-C stops)");
        out.flush();
        stopped.await();
        return ErrorReporter.OK;
    }
}
