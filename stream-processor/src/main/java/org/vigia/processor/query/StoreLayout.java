package org.vigia.processor.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Which input topics feed the sub-topology that owns each store, read from the topology's own
 * description: Kafka Streams reports an instance's partitions per topic, and the three
 * sub-topologies are assigned independently, so "instance A holds partition 2" only means
 * something for one store's sub-topology.
 */
public final class StoreLayout {
    private final Map<String, Set<String>> topicsByStore = new HashMap<>();
    private final int partitions;

    public StoreLayout(TopologyDescription description, String applicationId, int partitions) {
        this.partitions = partitions;
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            Set<String> topics = new HashSet<>();
            Set<String> stores = new HashSet<>();
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    for (String topic : source.topicSet()) {
                        topics.add(topic.endsWith("-repartition") ? applicationId + "-" + topic : topic);
                    }
                } else if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
            stores.forEach(store -> topicsByStore.put(store, topics));
        }
    }

    public int partitions() {
        return partitions;
    }

    /** The partitions of {@code store} that this client metadata holds actively. */
    public Set<Integer> active(String store, StreamsMetadata md) {
        return of(store, md.topicPartitions());
    }

    /** The partitions of {@code store} that this client holds as a standby replica. */
    public Set<Integer> standby(String store, StreamsMetadata md) {
        return of(store, md.standbyTopicPartitions());
    }

    private Set<Integer> of(String store, Set<TopicPartition> held) {
        Set<String> topics = topicsByStore.getOrDefault(store, Set.of());
        Set<Integer> out = new HashSet<>();
        for (TopicPartition tp : held) {
            if (topics.contains(tp.topic())) {
                out.add(tp.partition());
            }
        }
        return out;
    }
}
