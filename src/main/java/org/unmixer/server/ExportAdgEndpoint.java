package org.unmixer.server;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.params.BadInputException;
import org.unmixer.preset.AdgWriter;
import org.unmixer.preset.RackKind;
import org.unmixer.session.Session;

/**
 * {@code POST /v1/export/adg}: a patch (or an estimate, its best patch) → the Ableton Live rack
 * preset bytes {@code ./unmixer export-rack} writes. Query {@code kind}: instrument or audio-effect
 * (default: instrument when the patch has a synth).
 */
final class ExportAdgEndpoint implements Endpoint {
    static final Set<String> PARAMETERS = Set.of("kind");

    private final WorkQueue work;
    private final Duration timeout;

    ExportAdgEndpoint(WorkQueue work, Duration timeout) {
        this.work = work;
        this.timeout = timeout;
    }

    @Override
    public Response handle(Request request) {
        PatchBodies.requireJson(request);
        Optional<RackKind> kind = request.query().allowOnly(PARAMETERS).text("kind").map(text -> {
            try {
                return RackKind.parse(text);
            } catch (BadInputException e) {
                throw HttpProblem.badRequest("kind: " + e.getMessage());
            }
        });
        request.rejectDeclaredOversize();
        try (WorkQueue.Slot slot = work.reserveOrBusy()) {
            byte[] body = request.body();
            Export export = slot.run(() -> {
                Patch patch = PatchBodies.parse(body).patch();
                RackKind rack = kind.orElse(Session.rackKindFor(patch));
                try {
                    return new Export(rack, AdgWriter.toBytes(patch, rack));
                } catch (BadInputException e) {
                    throw HttpProblem.unprocessable(e.getMessage());
                }
            }, timeout);
            return Response.file("application/octet-stream", export.bytes(), "unmixer-" + export.kind().cliName() + "-rack.adg");
        }
    }

    private record Export(RackKind kind, byte[] bytes) {
    }
}
