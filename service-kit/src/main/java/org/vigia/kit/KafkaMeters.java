package org.vigia.kit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.List;

/**
 * Which of the Kafka clients' metrics a service exports. Micrometer's Kafka binders export
 * every metric the clients keep: for the stream processor that was 11,381 series (2.6 MB a
 * scrape), 9,214 of them per state store and task (put, get, range and restore latencies and
 * rates), and re-binding them a minute after start cost a core for about 3.5 s, which stalled
 * the stream thread. Exported are the metrics an operator acts on: the stream threads (process,
 * commit, poll and punctuate rates and latencies, thread states), the application's state and
 * live threads, dropped records, consumer lag and rebalances, the producers' errors, retries and
 * transactions, and RocksDB's memory and size per store. Every other {@code kafka.*} meter is
 * denied; the services' own {@code vigia.*} meters and the JVM's are not touched.
 */
public final class KafkaMeters implements MeterFilter {
    /** Dotted meter names (as Micrometer's Kafka binders name them) that are exported, by prefix. */
    static final List<String> EXPORTED = List.of(
            "kafka.stream.thread.",
            "kafka.stream.alive.stream.threads",
            "kafka.stream.failed.stream.threads",
            "kafka.stream.client.state",
            "kafka.stream.task.dropped.records",
            "kafka.stream.state.size.all.mem.tables",
            "kafka.stream.state.total.sst.files.size",
            "kafka.stream.state.estimate.num.keys",
            "kafka.stream.state.block.cache.usage",
            "kafka.consumer.fetch.manager.records.lag",
            "kafka.consumer.coordinator.",
            "kafka.producer.record.error",
            "kafka.producer.record.retry",
            "kafka.producer.record.send",
            "kafka.producer.txn.",
            "kafka.producer.request.latency",
            "kafka.producer.buffer.available.bytes");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        if (!name.startsWith("kafka.")) {
            return MeterFilterReply.NEUTRAL;
        }
        for (String prefix : EXPORTED) {
            if (name.startsWith(prefix)) {
                return MeterFilterReply.NEUTRAL;
            }
        }
        return MeterFilterReply.DENY;
    }
}
