package org.unmixer.app.audio;

/** Which of the two sounds the A/B player lets through: A is the original, B the rebuild. */
public enum AbSource {
    /** The producer's original sound. */
    A,
    /** The rebuild (one ITF step rendered by the reference renderer, or Live's recording). */
    B;

    /** The other one (what the space bar switches to). */
    public AbSource other() {
        return this == A ? B : A;
    }
}
