package org.vigia.alerts.topology;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.vigia.events.Topic;
import org.vigia.events.Topics;

/**
 * The topics the alert service reads and owns, all under {@code VIGIA_TOPIC_PREFIX}, each
 * with its retention stated (records carry event time, often years in the past, so nothing may
 * rely on the broker's default of 7 days):
 * <ul>
 *   <li>{@code <prefix>alerts} — read; defined by the wire contract;</li>
 *   <li>{@code <prefix>silences} — compacted, kept forever;</li>
 *   <li>{@code <prefix>alert-service.dead-letter} — alerts set aside, bounded by size and never by age
 *       ({@link Topics#DEAD_LETTER_BYTES_PER_PARTITION} a partition): what Kafka Streams sets aside itself
 *       (an exception no stage of ours caught) keeps the alert's own timestamp, years in the past, and
 *       time retention would delete it at the next check;</li>
 *   <li>Kafka Streams' own, prefixed by the application id (by default {@code <prefix>alert-service}):
 *       {@code …-by-subscriber-repartition} (purged as it is committed) and
 *       {@code …-notifications-changelog} (the delivery log, compacted, kept forever).</li>
 * </ul>
 */
public record AlertTopics(Topic<?, ?> alertsTopic, Topic<String, byte[]> silencesTopic, Topic<byte[], byte[]> deadLetterTopic) {
    public static AlertTopics of(Topics shared) {
        String prefix = shared.prefix;
        return new AlertTopics(shared.alerts,
                new Topic<>(prefix + "silences", Serdes.String(), Serdes.ByteArray(),
                        Map.of("cleanup.policy", "compact", "retention.ms", "-1")),
                new Topic<>(prefix + "alert-service.dead-letter", Serdes.ByteArray(), Serdes.ByteArray(),
                        Topics.sizeBounded(Topics.DEAD_LETTER_BYTES_PER_PARTITION)));
    }

    public String alerts() {
        return alertsTopic.name();
    }

    public String silences() {
        return silencesTopic.name();
    }

    public String deadLetter() {
        return deadLetterTopic.name();
    }

    /** The topics created at start-up when absent. */
    public List<Topic<?, ?>> toCreate() {
        return List.of(alertsTopic, silencesTopic, deadLetterTopic);
    }
}
