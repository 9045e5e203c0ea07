package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigia.events.Topic;
import org.vigia.events.Topics;

class TopicCreatorTest {

    @Test
    void minInsyncReplicasIsTwoFromThreeReplicasOnAndOneBelow() {
        assertThat(TopicCreator.minInsyncReplicas(1)).isEqualTo(1);
        assertThat(TopicCreator.minInsyncReplicas(2)).isEqualTo(1);
        assertThat(TopicCreator.minInsyncReplicas(3)).isEqualTo(2);
        assertThat(TopicCreator.minInsyncReplicas(5)).isEqualTo(2);
    }

    @Test
    void everyTopicStatesItsCleanupAndItsRetentionInsteadOfInheritingTheBrokers() {
        for (Topic<?, ?> t : Topics.withDefaultPrefix().all()) {
            var config = TopicCreator.configFor(t, 3);
            assertThat(config).as(t.name()).containsKey("cleanup.policy").containsEntry("min.insync.replicas", "2");
            if (config.get("cleanup.policy").contains("delete")) {
                assertThat(config).as(t.name()).containsEntry("retention.ms", "-1").containsKey("retention.bytes");
            }
        }
    }
}
