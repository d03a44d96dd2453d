package org.unmixer.app.audio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.unmixer.audio.AudioBuffer;

/**
 * The window's playback engine: the original (A) and a rebuild (B) on one playhead, play / pause /
 * stop, loop, and an A/B switch that keeps the position and crossfades over 5 ms so it never clicks.
 *
 * <p>Threads: commands may come from any thread (the FX thread, usually) and only change an
 * immutable {@link MixState} under a lock; one daemon thread renders {@value #BLOCK_FRAMES}-frame
 * blocks with the pure {@link AbMixer} and writes them to the {@link AudioOutput}, whose blocking
 * write paces it; it sleeps while nothing is audible. Listeners are called on that thread.
 *
 * <p>No device (a server, CI): {@link #play()} leaves the transport stopped and reports "no audio
 * output device: …" through {@link #status()} and {@link PlaybackListener#statusChanged}; loading,
 * switching and seeking keep working, and the next {@code play()} tries the device again. A device
 * failing mid-play is reported the same way. Nothing here throws for a missing device.
 */
public final class AbPlayer implements AutoCloseable {
    /** Frames rendered per write: ≈ 12 ms at 44.1 kHz, the grain of the position updates. */
    public static final int BLOCK_FRAMES = 512;

    private final AudioOutput output;
    private final PlaybackFormat format;
    private final int fadeFrames;
    private final List<PlaybackListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private MixState state;
    private boolean looping;
    private AbSource source = AbSource.A;
    private String status = "";
    private boolean closed;

    private AbPlayer(AudioOutput output, PlaybackFormat format) {
        this.output = output;
        this.format = format;
        this.fadeFrames = AbMixer.fadeFrames(AbMixer.DEFAULT_FADE_SECONDS, format.sampleRate());
    }

    /** A player on {@code output} in {@code format}, with its audio thread started. */
    public static AbPlayer start(AudioOutput output, PlaybackFormat format) {
        AbPlayer p = new AbPlayer(output, format);
        Thread t = new Thread(p::run, "ab-player");
        t.setDaemon(true);
        t.start();
        return p;
    }

    /** The default sound card at 44.1 kHz stereo. */
    public static AbPlayer start() {
        return start(new JavaSoundOutput(), PlaybackFormat.DEFAULT);
    }

    /** Without a thread: the caller renders with {@link #renderNextBlock()} (tests). */
    static AbPlayer manual(AudioOutput output, PlaybackFormat format) {
        return new AbPlayer(output, format);
    }

    public void addListener(PlaybackListener l) {
        listeners.add(l);
    }

    public void removeListener(PlaybackListener l) {
        listeners.remove(l);
    }

    public PlaybackFormat format() {
        return format;
    }

    /** Load a new pair, stopped at the start; source and loop setting are kept. Converts to {@link #format()}: call off the FX thread. */
    public void load(AudioBuffer original, AudioBuffer rebuild) {
        AudioBuffer a = format.convert(original);
        AudioBuffer b = format.convert(rebuild);
        update(s -> MixState.initial(a, b).withLooping(looping).withSource(source));
        firePosition();
        fireState();
    }

    /** Swap in another rebuild at the same position (another ITF step); converts, so call off the FX thread. */
    public void setB(AudioBuffer rebuild) {
        AudioBuffer b = format.convert(rebuild);
        update(s -> {
            if (s == null) {
                throw new IllegalStateException("load an original and a rebuild before swapping the rebuild");
            }
            return s.withB(b);
        });
    }

    public void setSource(AbSource s) {
        synchronized (lock) {
            source = s;
        }
        update(st -> st == null ? null : st.withSource(s));
        fireState();
    }

    /** Switch A ↔ B (the space bar). */
    public AbSource toggleSource() {
        AbSource next;
        synchronized (lock) {
            next = source.other();
        }
        setSource(next);
        return next;
    }

    public void play() {
        synchronized (lock) {
            if (state == null || state.playing()) {
                return;
            }
        }
        try {
            output.open(format.sampleRate(), format.channels());
        } catch (OutputUnavailableException e) {
            setStatus(e.getMessage());
            return;
        }
        setStatus("");
        update(MixState::played);
        fireState();
    }

    public void pause() {
        update(s -> s == null ? null : s.paused());
        fireState();
    }

    /** Pause and rewind to the start (after the short fade-out). */
    public void stop() {
        update(s -> s == null ? null : s.stopped());
        fireState();
        firePosition();
    }

    public void setLooping(boolean loop) {
        synchronized (lock) {
            looping = loop;
        }
        update(s -> s == null ? null : s.withLooping(loop));
    }

    /** Move the playhead; {@code seconds} in [0, length]. */
    public void seek(double seconds) {
        update(s -> s == null ? null : s.seek(format.frames(seconds)));
        firePosition();
    }

    public boolean isPlaying() {
        synchronized (lock) {
            return state != null && state.playing();
        }
    }

    public boolean isLooping() {
        synchronized (lock) {
            return looping;
        }
    }

    public AbSource source() {
        synchronized (lock) {
            return source;
        }
    }

    /** Playhead in frames of {@link #format()} (0 before anything is loaded). */
    public int positionFrames() {
        synchronized (lock) {
            return state == null ? 0 : state.positionFrames();
        }
    }

    public double positionSeconds() {
        return format.seconds(positionFrames());
    }

    /** Length of the programme, the longer of A and B. */
    public double lengthSeconds() {
        synchronized (lock) {
            return state == null ? 0 : format.seconds(state.lengthFrames());
        }
    }

    /** One line for the status bar; empty when all is well. */
    public String status() {
        synchronized (lock) {
            return status;
        }
    }

    /** Stop the thread and release the device. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        output.close();
    }

    /**
     * Render one block and write it, if anything is audible.
     *
     * @return false when silent (nothing written)
     */
    boolean renderNextBlock() {
        AbMixer.Block block;
        boolean wasPlaying;
        synchronized (lock) {
            if (state == null || state.silent() || closed) {
                return false;
            }
            wasPlaying = state.playing();
            block = AbMixer.render(state, BLOCK_FRAMES, format.channels(), fadeFrames);
            state = block.next();
        }
        try {
            output.write(block.samples());
        } catch (RuntimeException e) {
            update(s -> s == null ? null : s.silenced());
            output.close();
            setStatus("audio output failed: " + JavaSoundOutput.oneLine(e));
            fireState();
            return false;
        }
        firePosition();
        if (wasPlaying && !block.next().playing()) {
            fireState();
        }
        return true;
    }

    private void run() {
        while (true) {
            if (!renderNextBlock()) {
                synchronized (lock) {
                    while (!closed && (state == null || state.silent())) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (closed) {
                        return;
                    }
                }
            }
        }
    }

    private void update(UnaryOperator<MixState> change) {
        synchronized (lock) {
            state = change.apply(state);
            lock.notifyAll();
        }
    }

    private void setStatus(String s) {
        synchronized (lock) {
            if (s.equals(status)) {
                return;
            }
            status = s;
        }
        listeners.forEach(l -> l.statusChanged(s));
    }

    private void firePosition() {
        double seconds = positionSeconds();
        listeners.forEach(l -> l.positionChanged(seconds));
    }

    private void fireState() {
        boolean playing = isPlaying();
        AbSource s = source();
        listeners.forEach(l -> l.stateChanged(playing, s));
    }
}
