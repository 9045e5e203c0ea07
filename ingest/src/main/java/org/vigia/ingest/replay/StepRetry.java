package org.vigia.ingest.replay;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.vigia.ingest.kafka.TransactionalWriter.WriteFailedException;
import org.vigia.kit.Backoff;
import org.vigia.kit.Causes;

/**
 * How a replay writes one transaction of a step: a write that Kafka rolled back for a reason
 * that passes (a broker that could not reach its in-sync replicas, a delivery timeout, a
 * coordinator moving) is written again, after 1, 2, 4… s (at most 15 s between attempts, for at
 * most {@link #RETRY_FOR} in all). Safe because a rolled-back transaction is invisible to every
 * {@code read_committed} reader, and the step's records, ticks and the offsets they name are
 * built again from what did land. Not retried: a write whose outcome is unknown (it may have
 * landed), a refusal that will not pass (a record too large, not authorised), or a writer fenced
 * by another process with its transactional id.
 */
final class StepRetry {
    static final Duration RETRY_FOR = Duration.ofMinutes(2);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    private final BooleanSupplier writerHealthy;
    private final Consumer<String> progress;
    private final Duration retryFor;

    StepRetry(BooleanSupplier writerHealthy, Consumer<String> progress, Duration retryFor) {
        this.writerHealthy = writerHealthy;
        this.progress = progress;
        this.retryFor = retryFor;
    }

    /** {@code write}'s result, once it succeeds; its last failure if that cannot pass or the time is up. */
    <T> T write(String what, Supplier<T> write) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        for (int attempt = 0; ; attempt++) {
            try {
                return write.get();
            } catch (WriteFailedException e) {
                Duration pause = Backoff.exponential(FIRST_PAUSE, attempt, LONGEST_PAUSE);
                if (!passes(e) || !writerHealthy.getAsBoolean() || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
                progress.accept(what + ": " + e.getMessage() + "; writing it again in " + pause.toSeconds() + " s");
                sleep(pause);
            }
        }
    }

    /**
     * A rollback whose root cause Kafka calls retriable, or a bare "transaction aborted after
     * exhausting retries" (the client's wrapper, when it kept no deeper cause).
     */
    static boolean passes(WriteFailedException e) {
        Throwable root = Causes.root(e);
        return root instanceof RetriableException || root instanceof TransactionAbortableException;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted while waiting to write a step again", ie);
        }
    }
}
