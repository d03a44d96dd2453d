package org.unmixer.cli;

import java.io.PrintWriter;
import org.unmixer.audio.io.AudioFileException;
import org.unmixer.params.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into the exit codes of DESIGN.md §4: bad input → 2 with one line, anything else
 * → 1 with one line (the stack trace only when {@code UNMIXER_DEBUG} is set).
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (isBadInput(e)) {
            err.println("unmixer " + cli.getCommandName() + ": " + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        err.println("unmixer " + cli.getCommandName() + ": internal error: " + oneLine(String.valueOf(e)));
        if (System.getenv("UNMIXER_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set UNMIXER_DEBUG=1 for the stack trace)");
        }
        return INTERNAL_ERROR;
    }

    static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("unmixer " + e.getCommandLine().getCommandName() + ": " + oneLine(e.getMessage())
                + " (see --help)");
        return BAD_INPUT;
    }

    /** Input errors the user can fix: our own, audio files, unreadable paths. */
    static boolean isBadInput(Throwable e) {
        return e instanceof BadInputException
                || e instanceof AudioFileException
                || e instanceof org.unmixer.audio.SilentInputException
                || e instanceof java.nio.file.NoSuchFileException
                || e instanceof java.nio.file.AccessDeniedException;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
