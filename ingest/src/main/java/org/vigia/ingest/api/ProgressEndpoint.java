package org.vigia.ingest.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;
import org.vigia.events.Topics;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;
import org.vigia.ingest.api.Rejection.Reason;
import org.vigia.ingest.kafka.ProgressRecords;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.ingest.metrics.IngestMetrics;
import org.vigia.ingest.registry.RegistryView;
import org.vigia.kit.Principal;
import org.vigia.kit.RequestGuard;

/**
 * {@code POST /api/v1/progress}: one ProgressUpdate or an array of them.
 *
 * <p>{@code source} and {@code reporter} come from the caller's token: {@code agency:X}
 * reports as {@code AGENCY}/"agency:X", {@code cso:Y} as {@code CSO}/"cso:Y", {@code irm} as
 * {@code IRM}/"irm". The body may omit them; if it gives them they must equal what the
 * token says, otherwise the request is refused (400) rather than silently rewritten.
 *
 * <p>The whole batch is checked first — fields (400), reportedAt not beyond the skew
 * (400), the commitment known (404), the agency's own commitment (403), the milestone
 * part of the commitment (400) — and then queued for the group commit, which writes it in
 * one Kafka transaction with {@code acks=all}, possibly together with other requests: all of
 * it or none of it. Each update is parsed ({@link ProgressBodyReader}) and validated once; the
 * record value is the validated update with the token's source and reporter, written straight
 * from its fields ({@link ProgressRecords}). Record key = commitment id, record timestamp =
 * reportedAt (event time), header {@code vigia.after-commitments} = the offset of the last
 * registry record the registry view had applied in the commitment's partition when the update
 * was accepted: the processor applies the update after that registry version, never before.
 */
public final class ProgressEndpoint {
    static final Set<Principal.Role> REPORTERS = Set.of(Principal.Role.AGENCY, Principal.Role.CSO, Principal.Role.IRM);

    private final RequestGuard guard;
    private final RegistryView registry;
    private final TransactionalWriter writer;
    private final Topics topics;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Duration maxFutureSkew;

    public ProgressEndpoint(RequestGuard guard, RegistryView registry, TransactionalWriter writer, Topics topics,
                            IngestMetrics metrics, Clock clock, Duration maxFutureSkew) {
        this.guard = guard;
        this.registry = registry;
        this.writer = writer;
        this.topics = topics;
        this.metrics = metrics;
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
    }

    public CompletableFuture<List<String>> post(Context ctx) {
        Principal principal = guard.authenticate(ctx, REPORTERS);
        byte[] body = guard.jsonBody(ctx);
        JsonBodies.Items<ProgressUpdate> parsed = ProgressBodyReader.read(body);
        List<ProgressUpdate> updates = withOrigin(parsed, principal);
        checkScope(parsed, updates, principal);

        List<ProducerRecord<byte[], byte[]>> records = ProgressRecords.of(topics.progress, updates, registry::follows);
        List<String> ids = new ArrayList<>(updates.size());
        for (ProgressUpdate u : updates) {
            ids.add(u.updateId());
        }
        Source source = sourceOf(principal);
        return writer.submit(records).thenApply(done -> {
            metrics.accepted(source, ids.size());
            return ids;
        });
    }

    private List<ProgressUpdate> withOrigin(JsonBodies.Items<ProgressUpdate> parsed, Principal principal) {
        Source source = sourceOf(principal);
        String reporter = principal.toString();
        Instant latest = clock.instant().plus(maxFutureSkew);
        List<Violation> violations = new ArrayList<>();
        List<ProgressUpdate> result = new ArrayList<>();
        for (int i = 0; i < parsed.items().size(); i++) {
            ProgressUpdate u = parsed.items().get(i);
            if (u == null) {
                String at = parsed.prefix(i);
                violations.add(new Violation(at.isEmpty() ? "(body)" : at.substring(0, at.length() - 1), "must not be null"));
                continue;
            }
            if (u.source() != null && u.source() != source) {
                violations.add(new Violation(parsed.prefix(i) + "source", "comes from the token (" + source
                        + "); omit it or send the same value"));
            }
            if (u.reporter() != null && !u.reporter().equals(reporter)) {
                violations.add(new Violation(parsed.prefix(i) + "reporter", "comes from the token (" + reporter
                        + "); omit it or send the same value"));
            }
            ProgressUpdate stamped = u.withOrigin(source, reporter);
            for (Violation v : stamped.violations()) {
                violations.add(new Violation(parsed.prefix(i) + v.field(), v.rule()));
            }
            if (stamped.reportedAt() != null && stamped.reportedAt().isAfter(latest)) {
                String at = parsed.prefix(i);
                violations.add(new Violation(at + "reportedAt", "must not be more than " + maxFutureSkew.toSeconds()
                        + " s ahead of the server clock (server time " + clock.instant() + ")"));
            }
            if (stamped.reportedAt() != null && stamped.reportedAt().isBefore(Instant.EPOCH)) {
                violations.add(new Violation(parsed.prefix(i) + "reportedAt", "must not be before " + Instant.EPOCH
                        + " (it is the record's timestamp, which Kafka keeps from 1970 on)"));
            }
            result.add(stamped);
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return result;
    }

    private void checkScope(JsonBodies.Items<ProgressUpdate> parsed, List<ProgressUpdate> updates, Principal principal) {
        List<Violation> unknown = new ArrayList<>();
        List<Violation> foreign = new ArrayList<>();
        List<Violation> badMilestone = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            ProgressUpdate u = updates.get(i);
            Commitment c = registry.get(u.commitmentId()).orElse(null);
            if (c == null) {
                unknown.add(new Violation(parsed.prefix(i) + "commitmentId", "must name a commitment in the registry ("
                        + u.commitmentId() + " is unknown)"));
                continue;
            }
            if (principal.role() == Principal.Role.AGENCY && !Objects.equals(c.agency(), principal.name())) {
                foreign.add(new Violation(parsed.prefix(i) + "commitmentId", "belongs to agency " + c.agency() + "; a "
                        + principal + " token reports only on its own agency's commitments"));
            }
            if (u.milestoneId() != null && !hasMilestone(c, u.milestoneId())) {
                badMilestone.add(new Violation(parsed.prefix(i) + "milestoneId", "must be a milestone of " + c.id() + " ("
                        + u.milestoneId() + " is not one)"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new Rejection(Reason.UNKNOWN_COMMITMENT, "unknown commitment", unknown);
        }
        if (!foreign.isEmpty()) {
            throw new Rejection(Reason.FORBIDDEN, "not this agency's commitment", foreign);
        }
        if (!badMilestone.isEmpty()) {
            throw new ValidationException(badMilestone);
        }
    }

    private static boolean hasMilestone(Commitment c, String milestoneId) {
        for (Milestone m : c.milestones()) {
            if (milestoneId.equals(m.id())) {
                return true;
            }
        }
        return false;
    }

    static Source sourceOf(Principal principal) {
        return switch (principal.role()) {
            case AGENCY -> Source.AGENCY;
            case CSO -> Source.CSO;
            case IRM -> Source.IRM;
            default -> throw new Rejection(Reason.FORBIDDEN, "principal " + principal + " may not report progress");
        };
    }
}
