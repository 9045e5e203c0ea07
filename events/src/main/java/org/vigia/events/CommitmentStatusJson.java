package org.vigia.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes a {@link CommitmentStatus} field by field with Jackson's streaming generator: the same
 * JSON the reflective bean serializer writes (field order, ISO-8601 instants and dates, nulls
 * written), without its per-field reflection. The processor writes one status per change, so
 * this is on its hottest path. {@code CommitmentStatusJsonTest} checks the two agree.
 */
public final class CommitmentStatusJson extends StdSerializer<CommitmentStatus> {

    public CommitmentStatusJson() {
        super(CommitmentStatus.class);
    }

    @Override
    public void serialize(CommitmentStatus s, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeStringField("commitmentId", s.commitmentId());
        g.writeStringField("planId", s.planId());
        g.writeStringField("agency", s.agency());
        g.writeStringField("sector", s.sector());
        g.writeStringField("title", s.title());
        g.writeNumberField("completion", s.completion());
        g.writeFieldName("verifiedCompletion");
        if (s.verifiedCompletion() == null) {
            g.writeNull();
        } else {
            g.writeNumber(s.verifiedCompletion());
        }
        g.writeStringField("state", s.state() == null ? null : s.state().name());
        g.writeBooleanField("disputed", s.disputed());
        g.writeBooleanField("evidenceMissing", s.evidenceMissing());
        instant(g, "lastProgressAt", s.lastProgressAt());
        instant(g, "lastUpdateAt", s.lastUpdateAt());
        g.writeNumberField("daysWithoutProgress", s.daysWithoutProgress());
        g.writeStringField("projectedCompletion", s.projectedCompletion() == null ? null
                : s.projectedCompletion().toString());
        instant(g, "asOf", s.asOf());
        g.writeEndObject();
    }

    private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value == null ? null : WireTime.format(value));
    }
}
