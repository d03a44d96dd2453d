package org.unmixer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.unmixer.app.AppLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./unmixer}: the command line. Exit codes (DESIGN.md §4): 0 success, 2 bad input (one-line
 * reason on stderr, no stack trace), 1 internal error.
 */
@Command(name = "unmixer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Neural Un-Mixer: estimate the synth settings and effect chain behind a sound, and rebuild them in Ableton Live.",
        subcommands = {DevicesCommand.class, RenderCommand.class, InfoCommand.class, DatasetCommand.class, BenchCommand.class,
                TrainCommand.class, EstimateCommand.class, CalibrateCommand.class, TrainProxyCommand.class,
                ExportRackCommand.class, RebuildCommand.class, FakeLiveCommand.class, DemoCommand.class, ServeCommand.class, LoadTestCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a subcommand: the window (exit 2 with one line where there is no display). */
    @Override
    public Integer call() {
        return AppLauncher.launch(spec.commandLine().getErr());
    }
}
