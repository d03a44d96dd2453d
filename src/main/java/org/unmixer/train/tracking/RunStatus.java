package org.unmixer.train.tracking;

import java.util.Arrays;

/**
 * A run's state with the numbers MLflow stores in {@code meta.yaml} ({@code mlflow.entities.RunStatus}:
 * RUNNING 1, SCHEDULED 2, FINISHED 3, FAILED 4, KILLED 5).
 */
public enum RunStatus {
    RUNNING(1),
    SCHEDULED(2),
    FINISHED(3),
    FAILED(4),
    KILLED(5);

    private final int code;

    RunStatus(int code) {
        this.code = code;
    }

    /** The number in {@code meta.yaml}. */
    public int code() {
        return code;
    }

    /** The status stored as {@code code}. */
    public static RunStatus ofCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run status " + code + " is not one of MLflow's (1-5)"));
    }

    /** Whether the run has ended, however it ended. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }
}
