package org.unmixer.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode is per thread and starts <em>on</em> in every new thread; DJL turns it off
 * only on the thread that starts the engine. Loading a model or proxy (which initialises
 * parameters in place) on any other thread then fails with "a leaf Variable that requires grad is
 * being used in an in-place operation". Work that runs on worker threads (the window's background
 * jobs, the HTTP server's pool) switches it off first; {@code GradientCollector}s switch it on for
 * their own span and restore it.
 */
public final class GradMode {
    private GradMode() {
    }

    /** Inference mode for DJL work on the calling thread. */
    public static void offOnThisThread() {
        Engine.getInstance(); // loads the native library JniUtils calls into
        if (JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }
}
