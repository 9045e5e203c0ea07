package org.vigia.reliability.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until no transaction is open on some topics: on every partition the last stable offset
 * (what read_committed consumers may read) has reached the end of the log. Then everything a
 * producer was told is committed can also be read.
 */
final class OpenTransactions implements AutoCloseable {
    private final String bootstrap;
    private final List<String> topics;
    private Admin admin;
    private List<TopicPartition> partitions;

    OpenTransactions(String bootstrap, List<String> topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
    }

    /** Returns once every partition is stable; retries through a broker restart until {@code deadline}. */
    void await(Instant deadline) {
        while (true) {
            try {
                if (stable()) {
                    return;
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                discard();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("transactions still open on " + topics + " at " + deadline);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private boolean stable() throws Exception {
        if (admin == null) {
            admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", "10000",
                    "default.api.timeout.ms", "15000"));
        }
        if (partitions == null) {
            partitions = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> committed = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(15, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> written = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get(15, TimeUnit.SECONDS);
        return partitions.stream().allMatch(tp -> committed.get(tp).offset() == written.get(tp).offset());
    }

    private void discard() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
