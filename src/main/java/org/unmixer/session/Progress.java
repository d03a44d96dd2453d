package org.unmixer.session;

/**
 * Where long work reports how far it got. Cancelling is by interrupting the working thread (what
 * {@code javafx.concurrent.Task.cancel()} and {@code Future.cancel(true)} do); the work then ends
 * with a {@link java.util.concurrent.CancellationException}.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, fraction) -> { };

    /**
     * @param stage what is happening, a few words for a status bar
     * @param fraction 0…1 of the whole job, or −1 when unknown
     */
    void update(String stage, double fraction);
}
