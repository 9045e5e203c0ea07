package org.vigia.ingest.kafka;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.events.Follows;
import org.vigia.events.Json;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Topic;

/**
 * The progress records of one API request: key = commitment id, timestamp = reportedAt, value =
 * the update as JSON, written field by field with one generator for the whole request instead of
 * by reflection once per update (re-serialising each update was about 15 % of the request
 * threads' time). The values are byte for byte what the topic's serde writes
 * ({@code Json.write}): the same generator settings, the same field order, nulls written as
 * {@code null}; {@code ProgressRecordsTest} compares the two for every combination of fields.
 */
public final class ProgressRecords {
    private static final SerializedString UPDATE_ID = new SerializedString("updateId");
    private static final SerializedString COMMITMENT_ID = new SerializedString("commitmentId");
    private static final SerializedString MILESTONE_ID = new SerializedString("milestoneId");
    private static final SerializedString PERCENT = new SerializedString("percent");
    private static final SerializedString LEVEL = new SerializedString("level");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString REPORTER = new SerializedString("reporter");
    private static final SerializedString REPORTED_AT = new SerializedString("reportedAt");
    private static final SerializedString EVIDENCE_URL = new SerializedString("evidenceUrl");
    private static final SerializedString NOTE = new SerializedString("note");

    private ProgressRecords() {
    }

    /** One record per update, in order; every update has a commitment id and a reportedAt (it was validated). */
    public static List<ProducerRecord<byte[], byte[]>> of(Topic<String, ProgressUpdate> topic, List<ProgressUpdate> updates) {
        return of(topic, updates, id -> null);
    }

    /**
     * The same, each record stamped with the registry offset {@code follows} gives for its
     * commitment (header {@value Follows#AFTER_COMMITMENTS}; none where it gives null).
     */
    public static List<ProducerRecord<byte[], byte[]>> of(Topic<String, ProgressUpdate> topic, List<ProgressUpdate> updates,
                                                          Function<String, Long> follows) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(updates.size());
        Serializer<String> keys = topic.keySerde().serializer();
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = Json.wire().createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (ProgressUpdate u : updates) {
                write(g, u);
                g.flush();
                byte[] value = out.toByteArray();
                out.reset();
                Long after = follows.apply(u.commitmentId());
                Headers headers = after == null ? null
                        : new RecordHeaders().add(Follows.AFTER_COMMITMENTS, Follows.value(after));
                records.add(new ProducerRecord<>(topic.name(), null, u.reportedAt().toEpochMilli(),
                        keys.serialize(topic.name(), u.commitmentId()), value, headers));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a progress record", e);
        }
        return records;
    }

    private static void write(JsonGenerator g, ProgressUpdate u) throws IOException {
        g.writeStartObject();
        string(g, UPDATE_ID, u.updateId());
        string(g, COMMITMENT_ID, u.commitmentId());
        string(g, MILESTONE_ID, u.milestoneId());
        g.writeFieldName(PERCENT);
        if (u.percent() == null) {
            g.writeNull();
        } else {
            g.writeNumber(u.percent().doubleValue());
        }
        string(g, LEVEL, u.level() == null ? null : u.level().name());
        string(g, SOURCE, u.source() == null ? null : u.source().name());
        string(g, REPORTER, u.reporter());
        string(g, REPORTED_AT, u.reportedAt() == null ? null : u.reportedAt().toString());
        string(g, EVIDENCE_URL, u.evidenceUrl());
        string(g, NOTE, u.note());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }
}
