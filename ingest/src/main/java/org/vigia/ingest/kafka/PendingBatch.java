package org.vigia.ingest.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One caller's batch waiting in the {@link CommitQueue}, with the future its caller waits on:
 * the batch is the unit that succeeds or fails as a whole, whatever group it is committed in.
 */
record PendingBatch(List<ProducerRecord<byte[], byte[]>> records, CompletableFuture<Void> done) {
}
