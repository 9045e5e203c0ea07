package org.vigia.ingest.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vigia.events.Commitment;
import org.vigia.events.Json;
import org.vigia.events.Topics;
import org.vigia.events.ValidationException;
import org.vigia.events.Violation;
import org.vigia.ingest.kafka.Records;
import org.vigia.ingest.kafka.TransactionalWriter;
import org.vigia.ingest.metrics.IngestMetrics;
import org.vigia.ingest.registry.RegistryView;
import org.vigia.kit.Principal;
import org.vigia.kit.RequestGuard;

/**
 * The registry, admin only: {@code PUT /api/v1/commitments/{id}} (one commitment; the path
 * id must equal the body's) and {@code POST /api/v1/commitments} (an array, written in one
 * transaction). A commitment is in this ingest's registry view once its transaction committed,
 * before the answer goes out. Record key = commitment id; record timestamp = the server's clock, the
 * moment the registry changed.
 */
public final class CommitmentEndpoint {
    static final Set<Principal.Role> ADMIN = Set.of(Principal.Role.ADMIN);

    private final RequestGuard guard;
    private final RegistryView registry;
    private final TransactionalWriter writer;
    private final Topics topics;
    private final IngestMetrics metrics;
    private final Clock clock;

    public CommitmentEndpoint(RequestGuard guard, RegistryView registry, TransactionalWriter writer, Topics topics,
                              IngestMetrics metrics, Clock clock) {
        this.guard = guard;
        this.registry = registry;
        this.writer = writer;
        this.topics = topics;
        this.metrics = metrics;
        this.clock = clock;
    }

    public CompletableFuture<List<String>> put(Context ctx) {
        guard.authenticate(ctx, ADMIN);
        Commitment c = Json.readStrict(guard.jsonBody(ctx), Commitment.class);
        String pathId = ctx.pathParam("id");
        if (!pathId.equals(c.id())) {
            throw new ValidationException("id", "must equal the id in the path (" + pathId + ")");
        }
        return write(List.of(c));
    }

    public CompletableFuture<List<String>> postAll(Context ctx) {
        guard.authenticate(ctx, ADMIN);
        List<Commitment> all = Json.readStrictList(guard.jsonBody(ctx), Commitment.class);
        if (all.isEmpty()) {
            throw new ValidationException("(body)", "must not be an empty array");
        }
        Set<String> seen = new HashSet<>();
        List<Violation> repeats = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!seen.add(all.get(i).id())) {
                repeats.add(new Violation("[" + i + "].id", "must be unique within the request (" + all.get(i).id() + " repeats)"));
            }
        }
        if (!repeats.isEmpty()) {
            throw new ValidationException(repeats);
        }
        return write(all);
    }

    private CompletableFuture<List<String>> write(List<Commitment> commitments) {
        Instant now = clock.instant();
        List<ProducerRecord<byte[], byte[]>> records = commitments.stream()
                .map(c -> Records.record(topics.commitments, c.id(), c, now)).toList();
        return writer.submit(records).thenApply(done -> {
            commitments.forEach(registry::put);
            metrics.registryCommitments(commitments.size());
            return commitments.stream().map(Commitment::id).toList();
        });
    }
}
