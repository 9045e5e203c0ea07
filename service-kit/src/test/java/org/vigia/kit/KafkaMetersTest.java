package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaMetersTest {
    @Test
    void theKafkaMetersAnOperatorActsOnAreExportedAndThePerStoreLatenciesAreNot() {
        PrometheusMeterRegistry registry = Metrics.registry("test");
        for (String name : new String[] {"kafka.stream.thread.process.rate", "kafka.stream.alive.stream.threads",
            "kafka.consumer.fetch.manager.records.lag.max", "kafka.stream.state.size.all.mem.tables",
            "kafka.stream.state.put.rate", "kafka.stream.state.restore.latency.max", "kafka.stream.processor.node.process.rate",
            "kafka.admin.client.request.rate", "vigia.commitments"}) {
            registry.gauge(name, 1.0);
        }

        assertThat(names(registry)).contains("kafka_stream_thread_process_rate", "kafka_stream_alive_stream_threads",
                        "kafka_consumer_fetch_manager_records_lag_max", "kafka_stream_state_size_all_mem_tables",
                        "vigia_commitments", "jvm_memory_used_bytes")
                .doesNotContain("kafka_stream_state_put_rate", "kafka_stream_state_restore_latency_max",
                        "kafka_stream_processor_node_process_rate", "kafka_admin_client_request_rate");
    }

    @Test
    void aRealProducersMetricsAreCutToItsErrorsRetriesAndTransactions() {
        PrometheusMeterRegistry registry = Metrics.registry("test");
        Map<String, Object> props = Map.of("bootstrap.servers", "127.0.0.1:9", "client.id", "kafka-meters-test");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer()); KafkaClientMetrics bound = new KafkaClientMetrics(producer)) {
            bound.bindTo(registry);
            Set<String> kafka = names(registry).stream().filter(n -> n.startsWith("kafka_")).collect(Collectors.toSet());

            assertThat(kafka).contains("kafka_producer_record_error_rate", "kafka_producer_record_retry_total",
                    "kafka_producer_buffer_available_bytes");
            // A producer alone keeps ~70 metrics (node, io, connection, selector, batch sizes…).
            assertThat(kafka).allSatisfy(n -> assertThat(n).matches("kafka_producer_(record_(error|retry|send)|txn|"
                    + "request_latency|buffer_available_bytes).*"));
        }
    }

    private static Set<String> names(PrometheusMeterRegistry registry) {
        return Arrays.stream(registry.scrape().split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.replaceAll("[{ ].*", "")).collect(Collectors.toSet());
    }
}
