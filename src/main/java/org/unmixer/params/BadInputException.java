package org.unmixer.params;

/**
 * Input from outside the program (a patch, a parameter value, a device name) that cannot be used.
 * The message is one line a user can act on; front ends show it as is (exit code 2 on the command
 * line).
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
