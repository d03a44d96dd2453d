package org.unmixer.app.audio;

import java.util.function.UnaryOperator;
import org.unmixer.audio.AudioBuffer;

/**
 * The window's playback engine: the original (A) and a rebuild (B) on one playhead, play / pause /
 * stop, loop, and an A/B switch that keeps the position and crossfades over 5 ms so it never clicks.
 *
 * <p>Threads: commands may come from any thread (the FX thread, usually) and only replace an
 * immutable {@link MixState} under a lock; one daemon thread renders {@value #BLOCK_FRAMES}-frame
 * blocks with the pure {@link AbMixer} and writes them to the {@link AudioOutput}, whose blocking
 * write paces it; it sleeps while nothing is audible. Listeners are called on that thread, or on
 * the thread of the command that caused the event.
 *
 * <p>No device (a server, CI): {@link #play()} leaves the transport stopped and reports "no audio
 * output device: …" through {@link #status()} and {@link PlaybackListener#statusChanged}; loading,
 * switching and seeking keep working, and the next {@code play()} tries the device again. A device
 * failing mid-play is reported the same way ("audio output failed: …"). Nothing here throws for a
 * missing device.
 */
public final class AbPlayer implements AutoCloseable {
    /** Frames rendered per write: ≈ 12 ms at 44.1 kHz, the grain of the position updates. */
    public static final int BLOCK_FRAMES = 512;

    private final AudioOutput output;
    private final PlaybackFormat format;
    private final int fadeFrames;
    private final PlaybackListeners listeners = new PlaybackListeners();
    private final Object lock = new Object();
    /** Before {@link #load}: one silent frame, so source and loop can be set and nothing is null. */
    private MixState state;
    private boolean loaded;
    private String status = "";
    private boolean closed;

    private AbPlayer(AudioOutput output, PlaybackFormat format) {
        this.output = output;
        this.format = format;
        this.fadeFrames = AbMixer.fadeFrames(AbMixer.DEFAULT_FADE_SECONDS, format.sampleRate());
        AudioBuffer nothing = AudioBuffer.silence(format.channels(), 1, format.sampleRate());
        this.state = MixState.initial(nothing, nothing);
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

    /**
     * A new pair, stopped at the start (at once, without a fade: it is a new sound); source and
     * loop setting are kept. Converts to {@link #format()}: call off the FX thread.
     */
    public void load(AudioBuffer original, AudioBuffer rebuild) {
        AudioBuffer a = format.convert(original);
        AudioBuffer b = format.convert(rebuild);
        update(s -> MixState.initial(a, b).withLooping(s.looping()).withSource(s.source()));
        synchronized (lock) {
            loaded = true;
        }
        listeners.position(0);
        fireState();
    }

    /** Swap in another rebuild (another ITF step) at the same position; converts, so call off the FX thread. */
    public void setB(AudioBuffer rebuild) {
        AudioBuffer b = format.convert(rebuild);
        synchronized (lock) {
            if (!loaded) {
                throw new IllegalStateException("load an original and a rebuild before swapping the rebuild");
            }
        }
        update(s -> s.withB(b));
    }

    public void setSource(AbSource source) {
        update(s -> s.withSource(source));
        fireState();
    }

    /** Switch A ↔ B (the space bar); returns the new source. */
    public AbSource toggleSource() {
        AbSource next;
        synchronized (lock) {
            next = state.source().other();
            state = state.withSource(next);
        }
        fireState();
        return next;
    }

    /** Start or resume; without a device, only reports why (see the class comment). Ignored before {@link #load}. */
    public void play() {
        synchronized (lock) {
            if (!loaded || state.playing()) {
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

    /** Fade out and hold the position. */
    public void pause() {
        update(MixState::paused);
        fireState();
    }

    /** Fade out, then rewind to the start. */
    public void stop() {
        update(MixState::stopped);
        fireState();
        listeners.position(positionSeconds());
    }

    public void setLooping(boolean loop) {
        update(s -> s.withLooping(loop));
    }

    /** Move the playhead; {@code seconds} in [0, {@link #lengthSeconds()}], else IllegalArgumentException. */
    public void seek(double seconds) {
        update(s -> s.seek(format.frames(seconds)));
        listeners.position(positionSeconds());
    }

    private MixState snapshot() {
        synchronized (lock) {
            return state;
        }
    }

    public boolean isPlaying() {
        return snapshot().playing();
    }

    public boolean isLooping() {
        return snapshot().looping();
    }

    public AbSource source() {
        return snapshot().source();
    }

    /** Playhead in frames of {@link #format()}; the sound card lags it by its buffer (≈ 46 ms). */
    public int positionFrames() {
        return snapshot().positionFrames();
    }

    public double positionSeconds() {
        return format.seconds(positionFrames());
    }

    /** Length of the programme, the longer of A and B. */
    public double lengthSeconds() {
        return format.seconds(snapshot().lengthFrames());
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

    /** Render one block and write it, if anything is audible; false (nothing written) when silent. */
    boolean renderNextBlock() {
        AbMixer.Block block;
        boolean wasPlaying;
        synchronized (lock) {
            if (state.silent() || closed) {
                return false;
            }
            wasPlaying = state.playing();
            block = AbMixer.render(state, BLOCK_FRAMES, format.channels(), fadeFrames);
            state = block.next();
        }
        try {
            output.write(block.samples());
        } catch (RuntimeException e) {
            update(MixState::silenced);
            output.close();
            setStatus("audio output failed: " + JavaSoundOutput.oneLine(e));
            fireState();
            return false;
        }
        listeners.position(format.seconds(block.next().positionFrames()));
        if (wasPlaying && !block.next().playing()) {
            fireState();
        }
        return true;
    }

    private void run() {
        while (true) {
            if (!renderNextBlock()) {
                synchronized (lock) {
                    while (!closed && state.silent()) {
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
        listeners.status(s);
    }

    private void fireState() {
        MixState s = snapshot();
        listeners.state(s.playing(), s.source());
    }
}
