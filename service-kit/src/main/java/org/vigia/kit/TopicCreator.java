package org.vigia.kit;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.events.Topic;

/** Creates the topics a service needs if they are absent; existing topics are left as they are. */
public final class TopicCreator {
    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    public static void ensure(KafkaSettings settings, Collection<Topic<?, ?>> topics) {
        try (Admin admin = Admin.create(settings.clientProperties())) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), settings.partitions(), settings.replicationFactor()).configs(t.config()))
                    .toList();
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + settings.bootstrapServers() + " to create topics", e);
        }
    }
}
