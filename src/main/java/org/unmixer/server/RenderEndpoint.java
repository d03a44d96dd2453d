package org.unmixer.server;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.params.BadInputException;
import org.unmixer.session.SampleFormats;

/**
 * {@code POST /v1/render}: a patch (or an estimate, its best patch) → the reference renderer's WAV,
 * as {@code ./unmixer render} writes it. Query: {@code seconds} (default: the source's length plus
 * its tail), {@code rate} 44100 or 48000, {@code format} pcm16, pcm24 (default), pcm32 or float32.
 */
final class RenderEndpoint implements Endpoint {
    static final Set<String> PARAMETERS = Set.of("seconds", "rate", "format");
    private static final Set<String> RATES = Set.of("44100", "48000");

    private final WorkQueue work;
    private final Duration timeout;

    RenderEndpoint(WorkQueue work, Duration timeout) {
        this.work = work;
        this.timeout = timeout;
    }

    @Override
    public Response handle(Request request) {
        PatchBodies.requireJson(request);
        QueryParams q = request.query().allowOnly(PARAMETERS);
        Optional<Double> seconds = q.number("seconds", 0, SourceSpec.MAX_SECONDS);
        int rate = Integer.parseInt(q.oneOf("rate", "44100", RATES));
        SampleFormat format;
        try {
            format = SampleFormats.parse(q.text("format", "pcm24"), "format");
        } catch (BadInputException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        request.rejectDeclaredOversize();
        try (WorkQueue.Slot slot = work.reserveOrBusy()) {
            byte[] body = request.body();
            byte[] wav = slot.run(() -> {
                Patch patch = PatchBodies.parse(body).patch();
                AudioBuffer audio = seconds.isPresent() ? Renderer.render(patch, rate, seconds.get()) : Renderer.render(patch, rate);
                return WavWriter.toBytes(audio, format);
            }, timeout);
            return Response.file("audio/wav", wav, "render.wav");
        }
    }
}
