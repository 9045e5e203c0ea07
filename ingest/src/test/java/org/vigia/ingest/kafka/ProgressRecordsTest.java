package org.vigia.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.vigia.events.IrmLevel;
import org.vigia.events.Json;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Source;
import org.vigia.events.Topic;
import org.vigia.events.Topics;

/** The progress records ingest writes carry exactly the bytes the topic's serde writes, for every combination of fields. */
class ProgressRecordsTest {
    static final Topic<String, ProgressUpdate> TOPIC = new Topics("test.").progress;

    static final List<String> TEXTS = List.of("plain", "Avance en el diagnóstico", "quote \" backslash \\ slash /",
            "control \u0000\u0001\t\n\r\u001f", "line separators \u2028\u2029 and \ud83d\ude00 emoji", "<script>&amp;</script>",
            "\u00ff\u0100\uffff", "x".repeat(2000));
    static final List<Double> PERCENTS = List.of(0.0, -0.0, 100.0, 40.0, 40.5, 33.333333333333336, 1e-7, 99.99999999999999,
            0.1 + 0.2, 12.0);
    static final List<Instant> INSTANTS = List.of(Instant.parse("2014-01-10T12:00:00Z"), Instant.parse("2014-01-10T12:00:00.250Z"),
            Instant.parse("2016-02-29T23:59:59.999999999Z"), Instant.parse("1970-01-01T00:00:00.000001Z"),
            Instant.parse("2013-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.EPOCH);

    static List<ProgressUpdate> everyCombination() {
        List<ProgressUpdate> all = new ArrayList<>();
        int i = 0;
        for (int mask = 0; mask < 1 << 5; mask++) {
            for (IrmLevel level : new IrmLevel[] {null, IrmLevel.NOT_STARTED, IrmLevel.LIMITED, IrmLevel.SUBSTANTIAL,
                    IrmLevel.COMPLETE}) {
                for (Source source : new Source[] {null, Source.AGENCY, Source.CSO, Source.IRM}) {
                    i++;
                    String text = TEXTS.get(i % TEXTS.size());
                    all.add(ProgressUpdates.by(source, (mask & 4) != 0 ? (source == null ? "irm" : "agency:SCT") : null)
                            .id("u-" + i).commitment("C-" + (i % 7))
                            .milestone((mask & 1) != 0 ? "m-" + i : null)
                            .percent((mask & 2) != 0 || level == null ? PERCENTS.get(i % PERCENTS.size()) : null)
                            .level(level)
                            .at(INSTANTS.get(i % INSTANTS.size()))
                            .evidence((mask & 8) != 0 ? "https://example.org/doc-" + i + ".pdf?q=" + text : null)
                            .note((mask & 16) != 0 ? text : null).build());
                }
            }
        }
        return all;
    }

    @Test
    void everyValueIsByteForByteWhatTheTopicSerdeWrites() {
        List<ProgressUpdate> updates = everyCombination();
        List<ProducerRecord<byte[], byte[]>> records = ProgressRecords.of(TOPIC, updates);

        assertThat(records).hasSize(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            ProgressUpdate u = updates.get(i);
            ProducerRecord<byte[], byte[]> r = records.get(i);
            byte[] expected = TOPIC.valueSerde().serializer().serialize(TOPIC.name(), u);
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).as("value of %s", u)
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(r.value()).isEqualTo(expected);
            assertThat(r.value()).isEqualTo(Json.write(u));
            assertThat(r.key()).isEqualTo(TOPIC.keySerde().serializer().serialize(TOPIC.name(), u.commitmentId()));
            assertThat(r.timestamp()).isEqualTo(u.reportedAt().toEpochMilli());
            assertThat(r.topic()).isEqualTo(TOPIC.name());
            assertThat(r.partition()).isNull();
            assertThat(Json.parse(r.value(), new TypeReference<ProgressUpdate>() { })).isEqualTo(u);
        }
    }

    @Test
    void oneRecordAloneIsWrittenLikeOneAmongMany() {
        ProgressUpdate u = everyCombination().get(17);
        assertThat(ProgressRecords.of(TOPIC, List.of(u)).get(0).value()).isEqualTo(Json.write(u));
        assertThat(ProgressRecords.of(TOPIC, List.of())).isEmpty();
    }

    @Test
    void eachRecordNamesTheRegistryOffsetGivenForItsCommitmentAndNoneWhereNoneIsGiven() {
        List<ProgressUpdate> updates = everyCombination().subList(0, 14);
        List<ProducerRecord<byte[], byte[]>> records = ProgressRecords.of(TOPIC, updates,
                id -> id.equals("C-3") ? null : (long) id.charAt(2) * 10);

        for (int i = 0; i < updates.size(); i++) {
            String id = updates.get(i).commitmentId();
            Long named = org.vigia.events.Follows.read(records.get(i).headers(), org.vigia.events.Follows.AFTER_COMMITMENTS);
            assertThat(named).as(id).isEqualTo(id.equals("C-3") ? null : (long) id.charAt(2) * 10);
        }
        assertThat(ProgressRecords.of(TOPIC, updates)).allMatch(r -> !r.headers().iterator().hasNext());
    }
}
