package org.unmixer.server;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.model.CandidateRefiner;
import org.unmixer.infer.model.ModelEstimator;
import org.unmixer.params.BadInputException;
import org.unmixer.session.Estimation;
import org.unmixer.session.EstimationOptions;
import org.unmixer.session.Progress;

/**
 * {@code POST /v1/estimate}: a WAV/AIFF body (raw, or the file part of a multipart form) → the
 * estimate JSON exactly as {@code ./unmixer estimate --json} prints it ({@link Estimation#run}, the
 * same model, reader and options). The query parameters are the command line's options, camel-cased.
 */
final class EstimateEndpoint implements Endpoint {
    static final Set<String> AUDIO_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/aiff",
            "audio/x-aiff", "application/octet-stream");
    static final String MULTIPART = "multipart/form-data";
    static final Set<String> PARAMETERS = Set.of("topK", "draws", "itfSteps", "itfCandidates", "source", "sourceSeconds");
    private static final Set<String> SOURCES = Set.of("synth", "noise", "chirp", "impulse");

    private final ModelEstimator model;
    private final WorkQueue work;
    private final Duration timeout;

    EstimateEndpoint(ModelEstimator model, WorkQueue work, Duration timeout) {
        this.model = model;
        this.work = work;
        this.timeout = timeout;
    }

    /** The query, checked before the body is read. */
    record Query(EstimationOptions options, SourceKind source, double sourceSeconds) {
        static Query parse(QueryParams q) {
            q.allowOnly(PARAMETERS);
            EstimationOptions d = EstimationOptions.DEFAULT;
            int topK = q.integer("topK", d.topK(), 1, 20);
            int draws = q.integer("draws", CandidateRefiner.Settings.DEFAULT.draws(), 0, 200);
            int itfSteps = q.integer("itfSteps", 0, 0, 1000);
            int itfCandidates = q.integer("itfCandidates", d.itfCandidates(), 1, 20);
            String source = q.oneOf("source", "synth", SOURCES);
            double sourceSeconds = q.number("sourceSeconds", 0, SourceSpec.MAX_SECONDS).orElse(2.0);
            EstimationOptions options = new EstimationOptions(topK, draws, itfSteps, itfCandidates, d.itfAnchor(), d.itfPolish(),
                    d.itfSeconds(), Optional.empty(), d.proxies());
            return new Query(options, SourceKind.parse(source), sourceSeconds);
        }
    }

    @Override
    public Response handle(Request request) {
        String type = request.mediaType();
        if (!AUDIO_TYPES.contains(type) && !type.equals(MULTIPART)) {
            throw HttpProblem.unsupportedMediaType("Content-Type must be a WAV/AIFF file (audio/wav, audio/x-wav, audio/aiff"
                    + " or application/octet-stream) or multipart/form-data with a file part; got "
                    + (type.isEmpty() ? "none" : "\"" + type + "\""));
        }
        Query query = Query.parse(request.query());
        request.rejectDeclaredOversize();
        try (WorkQueue.Slot slot = work.reserveOrBusy()) {
            byte[] body = request.body();
            String contentType = request.contentTypeHeader();
            String json = slot.run(() -> estimate(body, type, contentType, query), timeout);
            return Response.json(json);
        }
    }

    /** On a worker: unpack, decode, estimate. */
    private String estimate(byte[] body, String type, String contentType, Query query) {
        byte[] audioBytes = body;
        String name = UploadedAudio.DEFAULT_NAME;
        if (type.equals(MULTIPART)) {
            List<MultipartBody.Part> parts = MultipartBody.parse(body, contentType);
            MultipartBody.Part file = MultipartBody.filePart(parts).orElseThrow(() -> HttpProblem.badRequest(
                    "the multipart form has no file part (send the sound as a part with a file name, e.g. curl -F file=@sound.wav)"));
            audioBytes = file.content();
            name = file.filename().map(UploadedAudio::safeName).orElse(name);
            if (audioBytes.length == 0) {
                throw HttpProblem.badRequest("the uploaded file \"" + name + "\" is empty");
            }
        }
        AudioBuffer audio = UploadedAudio.read(audioBytes, name);
        EstimationOptions options = query.options();
        try {
            Optional<SourceSpec> known = EstimationOptions.knownSource(query.source(), query.sourceSeconds(), 0, audio.seconds());
            options = new EstimationOptions(options.topK(), options.draws(), options.itfSteps(), options.itfCandidates(),
                    options.itfAnchor(), options.itfPolish(), options.itfSeconds(), known, options.proxies());
        } catch (BadInputException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        return Estimation.run(model, audio, name, options, Progress.NONE).json();
    }
}
