package org.vigia.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written status serializer writes exactly what Jackson's reflective one would. */
class CommitmentStatusJsonTest {
    /** The wire mapper's settings, but without annotations: the reflective bean serializer. */
    private static final ObjectMapper REFLECTIVE = JsonMapper.builder().disable(MapperFeature.USE_ANNOTATIONS)
            .addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void everyFieldIsWrittenAsTheBeanSerializerWritesIt() throws Exception {
        Random r = new Random(42);
        for (int i = 0; i < 500; i++) {
            CommitmentStatus s = new CommitmentStatus("c-" + i, "mx-2013", "PGR", "justice-security",
                    i % 3 == 0 ? "Registro de detenidos \"ñ\" \\ \u2028 <b>" : "t" + i, r.nextInt(1001) / 10.0,
                    r.nextBoolean() ? null : r.nextInt(1001) / 10.0, CommitmentState.values()[r.nextInt(6)],
                    r.nextBoolean(), r.nextBoolean(), r.nextBoolean() ? null : Instant.ofEpochMilli(r.nextLong(1L << 42)),
                    r.nextBoolean() ? null : Instant.ofEpochSecond(r.nextLong(1L << 32), r.nextInt(1_000_000_000)),
                    r.nextInt(5000), r.nextBoolean() ? null : LocalDate.ofEpochDay(r.nextInt(30_000)),
                    Instant.ofEpochMilli(r.nextLong(1L << 42)));
            assertThat(new String(Json.write(s), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(REFLECTIVE.writeValueAsString(s));
            assertThat(Json.read(Json.write(s), CommitmentStatus.class)).isEqualTo(s);
        }
    }
}
