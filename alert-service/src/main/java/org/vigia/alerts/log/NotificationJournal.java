package org.vigia.alerts.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.Json;

/**
 * Writes the notification log to its compacted topic and reads it back at start-up.
 *
 * <p>Ordering: records for one key go to one partition through one idempotent producer, and
 * {@link #append} hands them to the producer and to the in-memory view under one lock, so a
 * PENDING record can never land in the topic after the SENT record that replaces it.
 * {@link #append} returns only once the broker has acknowledged every record ({@code acks=all}):
 * callers rely on that before committing consumer offsets.
 */
public final class NotificationJournal {
    private static final Logger log = LoggerFactory.getLogger(NotificationJournal.class);
    private static final ObjectMapper JSON = Json.wire();

    private final String topic;
    private final Producer<String, byte[]> producer;
    private final NotificationLog view;

    public NotificationJournal(String topic, Producer<String, byte[]> producer, NotificationLog view) {
        this.topic = topic;
        this.producer = producer;
        this.view = view;
    }

    public NotificationLog view() {
        return view;
    }

    /** Writes and waits for the broker's acknowledgement of every record. */
    public void append(List<Notification> notifications) {
        await(write(notifications));
    }

    /**
     * Hands the records to the producer and applies them to the view at once (so the next
     * alert of the same poll already sees them); {@link #await} before committing offsets.
     */
    public List<Future<RecordMetadata>> write(List<Notification> notifications) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        synchronized (this) {
            for (Notification n : notifications) {
                acks.add(producer.send(new ProducerRecord<>(topic, n.key(), Json.write(n))));
                view.apply(n);
            }
        }
        return acks;
    }

    public static void await(List<Future<RecordMetadata>> acks) {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the notification log", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot write the notification log: " + e.getMessage(), e);
            }
        }
    }

    /** Reads the whole topic into the view: the latest record per key. */
    public static int restore(Map<String, Object> clientProps, String topic, NotificationLog view) {
        int[] count = {0};
        CompactedTopicReader.readAll(clientProps, topic, (key, value) -> {
            if (value == null) {
                return;
            }
            try {
                view.apply(JSON.readValue(value, Notification.class));
                count[0]++;
            } catch (IOException | RuntimeException e) {
                log.error("skipping unreadable notification-log record {}: {}", key, e.getMessage());
            }
        });
        return count[0];
    }
}
