package org.vigia.reliability.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigia.events.Commitment;
import org.vigia.reliability.compare.RunOutcome;
import org.vigia.reliability.drive.IngestClient;

/**
 * "Nobody let in", checked on the clean run: writes that must be refused — no token, an unknown
 * token, an agency reporting on another agency's commitment, admin and news tokens on progress,
 * a CSO claiming to be the agency — each answered 401/403/400 and none of their updates on
 * {@code vigia.progress} at the end.
 */
final class Intruders {
    private record Attempt(String what, String token, String body, Set<Integer> expected, String updateId) {
    }

    private final List<Attempt> attempts = new ArrayList<>();

    void attempt(RunContext ctx) {
        List<Commitment> cs = ctx.dataset().commitments();
        Commitment a = cs.get(0);
        Commitment other = cs.stream().filter(c -> !c.agency().equals(a.agency())).findFirst().orElseThrow();
        String cso = ctx.dataset().progress().stream().map(u -> u.reporter()).filter(r -> r.startsWith("cso:")).findFirst().orElseThrow();
        attempts.add(new Attempt("no token", null, update("intruder-1", a), Set.of(401), "intruder-1"));
        attempts.add(new Attempt("unknown token", "x".repeat(43), update("intruder-2", a), Set.of(401), "intruder-2"));
        attempts.add(new Attempt("another agency's commitment", ctx.tokens().of("agency:" + a.agency()),
                update("intruder-3", other), Set.of(403), "intruder-3"));
        attempts.add(new Attempt("admin token on progress", ctx.tokens().of("admin"), update("intruder-4", a), Set.of(403),
                "intruder-4"));
        attempts.add(new Attempt("news token on progress", ctx.tokens().of("news"), update("intruder-5", a), Set.of(403),
                "intruder-5"));
        attempts.add(new Attempt("CSO claiming to be the agency", ctx.tokens().of(cso),
                update("intruder-6", a).replace("}", ",\"source\":\"AGENCY\"}"), Set.of(400), "intruder-6"));
        IngestClient client = new IngestClient(ctx.stack().ingest().url());
        for (Attempt at : attempts) {
            IngestClient.Answer answer = client.post("/api/v1/progress", at.token(), at.body());
            ctx.check("refused: " + at.what(), at.expected().contains(answer.status()), "answered " + answer.status());
        }
    }

    void verify(RunContext ctx, RunOutcome outcome) {
        long in = attempts.stream().filter(a -> outcome.updateIds().contains(a.updateId())).count();
        ctx.check("no refused write reached vigia.progress", in == 0, in + " of " + attempts.size() + " found");
    }

    private static String update(String id, Commitment c) {
        return "{\"updateId\":\"" + id + "\",\"commitmentId\":\"" + c.id() + "\",\"percent\":100,"
                + "\"reportedAt\":\"2022-02-01T12:00:00Z\",\"evidenceUrl\":\"https://example.org/x\"}";
    }
}
