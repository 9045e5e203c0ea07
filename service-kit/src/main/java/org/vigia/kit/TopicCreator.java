package org.vigia.kit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.Topic;

/**
 * Creates the topics a service needs with the configuration each declares (cleanup and
 * retention, see {@code Topics}), plus {@code min.insync.replicas} from the replication
 * factor: 2 when there are at least 3 replicas, so {@code acks=all} means two copies, else 1.
 *
 * <p>A topic that already exists is brought to the declared configuration where it merely
 * inherits the broker's value (a topic created by hand or by an older version, whose
 * retention is then the broker's 7 days); a value someone set on the topic itself is left as
 * it is and a warning names it, the value Vigía would use and why.
 */
public final class TopicCreator {
    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);
    static final String MIN_ISR = "min.insync.replicas";

    private TopicCreator() {
    }

    /** 2 with three or more replicas (one broker may fail and writes still land twice), else 1. */
    public static int minInsyncReplicas(int replicationFactor) {
        return replicationFactor >= 3 ? 2 : 1;
    }

    /** The configuration a topic is created with: what it declares and its {@code min.insync.replicas}. */
    public static Map<String, String> configFor(Topic<?, ?> topic, int replicationFactor) {
        Map<String, String> config = new HashMap<>(topic.config());
        config.put(MIN_ISR, String.valueOf(minInsyncReplicas(replicationFactor)));
        return config;
    }

    public static void ensure(KafkaSettings settings, Collection<Topic<?, ?>> topics) {
        try (Admin admin = Admin.create(settings.clientProperties())) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<Topic<?, ?>> present = new ArrayList<>();
            for (Topic<?, ?> t : topics) {
                if (existing.contains(t.name())) {
                    present.add(t);
                } else {
                    missing.add(new NewTopic(t.name(), settings.partitions(), settings.replicationFactor())
                            .configs(configFor(t, settings.replicationFactor())));
                }
            }
            create(admin, missing, settings);
            if (!present.isEmpty()) {
                try {
                    reconcile(admin, present);
                } catch (ExecutionException e) {
                    // e.g. a topic another service created a moment ago is not described yet
                    log.warn("could not check the configuration of existing topics {}: {}",
                            present.stream().map(Topic::name).toList(), e.getCause().getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + settings.bootstrapServers() + " to create topics", e);
        }
    }

    private static void create(Admin admin, List<NewTopic> missing, KafkaSettings settings)
            throws InterruptedException, TimeoutException {
        if (missing.isEmpty()) {
            return;
        }
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get(60, TimeUnit.SECONDS);
                log.info("created topic {} ({} partitions, replication {})", entry.getKey(),
                        settings.partitions(), settings.replicationFactor());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                }
            }
        }
    }

    private static void reconcile(Admin admin, List<Topic<?, ?>> present)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> described = admin.describeTopics(present.stream().map(Topic::name).toList())
                .allTopicNames().get(60, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList()).all().get(60, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (Topic<?, ?> t : present) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, t.name());
            int replicas = described.get(t.name()).partitions().get(0).replicas().size();
            List<AlterConfigOp> ops = new ArrayList<>();
            configFor(t, replicas).forEach((key, wanted) -> {
                ConfigEntry current = configs.get(resource).get(key);
                if (current != null && wanted.equals(current.value())) {
                    return;
                }
                if (current != null && current.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    log.warn("topic {} has {}={} set on it; Vigía would use {} (see the event contract in the README): "
                            + "left as it is", t.name(), key, current.value(), wanted);
                    return;
                }
                ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
            });
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
                log.info("topic {} inherited the broker's {}; set to Vigía's values", t.name(),
                        ops.stream().map(o -> o.configEntry().name() + "=" + o.configEntry().value()).toList());
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
        }
    }
}
