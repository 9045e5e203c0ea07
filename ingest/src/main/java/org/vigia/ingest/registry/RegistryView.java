package org.vigia.ingest.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.Commitment;
import org.vigia.events.Topic;
import org.vigia.kit.KafkaSettings;

/**
 * Ingest's local view of the registry: the compacted {@code vigia.commitments} topic read
 * into memory (read_committed, from the beginning, every partition assigned — no consumer
 * group), then followed in the background. {@link #start} returns once the view has caught
 * up with the end of the topic, so the API never answers 404 for a commitment that was in
 * the registry when the service started.
 *
 * <p>Commitments this instance writes itself are put into the view at once
 * ({@link #put}), so an agency can report on a commitment right after an admin created it
 * through the same ingest.
 *
 * <p>The view also knows, per partition, the offset of the last registry record it has applied
 * ({@link #follows}): a progress record is stamped with it (header
 * {@value org.vigia.events.Follows#AFTER_COMMITMENTS}), so the processor applies the update after
 * the registry version it was accepted against, and never before it. The same offsets are the
 * gauge {@code vigia_ingest_registry_view_offset{partition}}.
 */
public final class RegistryView implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistryView.class);

    private final KafkaSettings kafka;
    private final Topic<String, Commitment> topic;
    private final Map<String, Commitment> commitments = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread follower;
    private volatile RuntimeException failure;
    private volatile AtomicLongArray applied = new AtomicLongArray(0);

    public RegistryView(KafkaSettings kafka) {
        this.kafka = kafka;
        this.topic = kafka.topics().commitments;
    }

    /** Reads the topic to its end; returns when caught up, throws if that takes longer than {@code timeout}. */
    public void start(Duration timeout) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        defaults.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> props = kafka.clientProperties(defaults);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(60)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        applied = new AtomicLongArray(partitions.size());
        for (int p = 0; p < partitions.size(); p++) {
            applied.set(p, -1);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
        follower = new Thread(() -> follow(end), "registry-view");
        follower.setDaemon(true);
        follower.start();
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the registry view did not catch up with " + topic.name() + " within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the registry", e);
        }
        if (failure != null) {
            throw failure;
        }
        log.info("registry view loaded: {} commitments from {}", commitments.size(), topic.name());
    }

    private void follow(Map<TopicPartition, Long> end) {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r);
                }
                if (caughtUp.getCount() > 0 && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            log.error("registry view stopped: {}", e.getMessage(), e);
        } finally {
            caughtUp.countDown();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        String key = topic.keySerde().deserializer().deserialize(r.topic(), r.key());
        if (key == null) {
            return;
        }
        if (r.value() == null) {
            commitments.remove(key);
            applied(r);
            return;
        }
        try {
            commitments.put(key, topic.valueSerde().deserializer().deserialize(r.topic(), r.value()));
            applied(r);
        } catch (SerializationException e) {
            log.warn("skipping an invalid registry record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    /** Only records the processor reads too count: an invalid value is dead-lettered there, never applied. */
    private void applied(ConsumerRecord<byte[], byte[]> r) {
        if (r.partition() < applied.length()) {
            applied.accumulateAndGet(r.partition(), r.offset(), Math::max);
        }
    }

    /**
     * The offset of the last registry record this view has applied in the partition of
     * {@code commitmentId} (the registry and progress topics are partitioned alike), or null if
     * none yet.
     */
    public Long follows(String commitmentId) {
        AtomicLongArray a = applied;
        if (a.length() == 0) {
            return null;
        }
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), commitmentId);
        long offset = a.get(Utils.toPositive(Utils.murmur2(key)) % a.length());
        return offset < 0 ? null : offset;
    }

    /** The offset of the last registry record applied in {@code partition} (-1: none). */
    public long appliedOffset(int partition) {
        return applied.get(partition);
    }

    /** Per partition, the offset of the last registry record applied (-1: none). */
    public long[] appliedOffsets() {
        AtomicLongArray a = applied;
        long[] out = new long[a.length()];
        for (int p = 0; p < out.length; p++) {
            out[p] = a.get(p);
        }
        return out;
    }

    public Optional<Commitment> get(String id) {
        return Optional.ofNullable(commitments.get(id));
    }

    /** Records a commitment this instance has just written (and Kafka has committed). */
    public void put(Commitment commitment) {
        commitments.put(commitment.id(), commitment);
    }

    public int size() {
        return commitments.size();
    }

    /** Caught up with the topic and still following it. */
    public boolean ready() {
        return caughtUp.getCount() == 0 && failure == null && running && follower != null && follower.isAlive();
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (follower != null) {
            try {
                follower.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
