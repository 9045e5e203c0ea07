package org.vigia.ingest.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.ingest.kafka.TransactionalWriter.CommitListener;

/**
 * Commits a producer's open transaction, waiting again for a commit that does not finish within
 * the producer's {@code max.block.ms}, for up to {@link #FOR} more. Kafka's contract: after a
 * {@code TimeoutException} from {@code commitTransaction} it is safe to call it again, and nothing
 * else may be tried, since the commit may be completing. Calling it again turns most "may or may
 * not have been written" into a definite answer once the broker answers (committed, or an error
 * that says it was not), so a broker that stalls at the wrong moment no longer leaves a replay
 * or an API caller not knowing. An interrupt (the writer closing) is not waited out.
 */
final class CommitWait {
    /** The writer's logger: operators look for these lines under the writer's name. */
    private static final Logger log = LoggerFactory.getLogger(TransactionalWriter.class);
    /** No new wait starts once this has passed since the commit began; each wait lasts up to {@code max.block.ms}. */
    static final Duration FOR = Duration.ofMinutes(2);

    private CommitWait() {
    }

    /** Throws the last {@code TimeoutException} when the commit has not finished after {@link #FOR}, or the writer closed. */
    static void commit(KafkaProducer<?, ?> producer, String transactionalId, BooleanSupplier closed, CommitListener listener) {
        long deadline = System.nanoTime() + FOR.toNanos();
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (closed.getAsBoolean() || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                listener.commitWaitedAgain();
                log.warn("the commit of {} has not finished yet ({}); waiting for it again", transactionalId, e.getMessage());
            }
        }
    }
}
