package org.unmixer.live;

import org.unmixer.params.BadInputException;

/**
 * Live, AbletonOSC or the Un-Mixer device did not answer, or answered with an error we cannot work
 * around. The message is one line that says what to check; the command line exits with code 2,
 * because the fix is in the user's setup, not in our program.
 */
public final class LiveConnectionException extends BadInputException {
    public LiveConnectionException(String message) {
        super(message);
    }
}
