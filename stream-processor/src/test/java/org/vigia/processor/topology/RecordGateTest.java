package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.milestone;
import static org.vigia.processor.topology.Fixtures.update;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;
import org.vigia.processor.topology.judge.HeldRecord;

/**
 * A report that names the registry offset it follows ({@code vigia.after-commitments}, as ingest
 * writes it) and a registry version that names the progress offset it follows
 * ({@code vigia.after-progress}, as the replay writes it) are applied in the order they were
 * written, whichever the judge task reads first: the statuses and alerts are the written order's.
 *
 * <p>The written order throughout: the registry entry (commitments offset 0), a report (progress
 * 0), an amendment that drops a milestone (commitments 1, after progress 0), a report after it
 * (progress 1, after commitments 1).
 */
class RecordGateTest {
    private static final Commitment C1 = commitment("c1", milestone("m1", 1), milestone("m2", 1));
    private static final Commitment AMENDED = commitment("c1", milestone("m1", 1));
    private static final ProgressUpdate U0 = update("u0", "c1", "m1", 20, Source.AGENCY, day("2014-02-01"), null, null);
    private static final ProgressUpdate U1 = update("u1", "c1", "m1", 60, Source.AGENCY, day("2014-03-10"), null, null);
    private static final ProgressUpdate U2 = update("u2", "c1", "m1", 70, Source.AGENCY, day("2014-03-20"), null, null);

    private static List<String> inWrittenOrder() {
        return run(h -> h.register(C1).report(U0, 0L).register(AMENDED, day("2014-03-01"), 0L).report(U1, 1L));
    }

    @Test
    void aReportReadBeforeTheAmendmentItFollowsWaitsForIt() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(C1).report(U0, 0L).report(U1, 1L);
            assertThat(held(h)).containsExactly("P1");

            h.register(AMENDED, day("2014-03-01"), 0L);

            assertThat(held(h)).isEmpty();
            assertThat(outcome(h)).isEqualTo(inWrittenOrder());
        }
    }

    @Test
    void anAmendmentReadBeforeTheReportItFollowsWaitsForIt() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(C1).register(AMENDED, day("2014-03-01"), 0L);
            assertThat(held(h)).containsExactly("R1");

            h.report(U0, 0L).report(U1, 1L);

            assertThat(held(h)).isEmpty();
            assertThat(outcome(h)).isEqualTo(inWrittenOrder());
        }
    }

    @Test
    void withoutHeadersTheReportOvertakesTheAmendmentAndTheOutcomeDiffers() {
        List<String> plain = run(h -> h.register(C1).report(U0).report(U1).register(AMENDED, day("2014-03-01")));
        assertThat(plain).isNotEqualTo(inWrittenOrder());
    }

    @Test
    void laterReportsWaitBehindAHeldOneEvenWhenWhatTheyNameWasApplied() {
        List<String> written = run(h -> h.register(C1).register(AMENDED, day("2014-03-01")).report(U1, 1L).report(U2, 0L));
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(C1).report(U1, 1L).report(U2, 0L);
            assertThat(held(h)).containsExactly("P0", "P1");

            h.register(AMENDED, day("2014-03-01"));

            assertThat(held(h)).isEmpty();
            assertThat(outcome(h)).isEqualTo(written);
        }
    }

    @Test
    void aTickThatNamesAHeldReportWaitsUntilTheReportIsApplied() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(C1).report(U0, 0L).report(U1, 1L).tick(day("2014-04-05"), 1L, 1L);
            assertThat(held(h)).containsExactly("P1");
            assertThat(h.<String, Long>store(StoreNames.JUDGE_CLOCK).get("now")).isEqualTo(day("2014-02-01").toEpochMilli());

            h.register(AMENDED, day("2014-03-01"), 0L);

            assertThat(held(h)).isEmpty();
            assertThat(h.<String, Long>store(StoreNames.JUDGE_CLOCK).get("now")).isEqualTo(day("2014-04-05").toEpochMilli());
        }
    }

    @Test
    void aHeaderThatIsNotAnOffsetIsDeadLetteredNamingTheHeaderAndStillCountsAsRead() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(C1).tick(day("2014-04-05"), 0L, 0L).report(U0, "-1");

            List<TestRecord<byte[], byte[]>> dead = h.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(1);
            assertThat(message(dead.get(0))).contains("vigia.after-commitments")
                    .contains("must be a non-negative decimal offset").contains("'-1'");
            assertThat(reports(h)).isZero();
            assertThat(h.<String, Long>store(StoreNames.JUDGE_CLOCK).get("now")).isEqualTo(day("2014-04-05").toEpochMilli());
        }
    }

    @Test
    void aRecordRefusedWhileOthersAreHeldCountsAsReadInItsTurn() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(C1).report(U1, 1L).report("not-c1", U2).tick(day("2014-04-05"), 1L, 1L);
            assertThat(h.deadLetterReasons).hasSize(1);
            assertThat(held(h)).containsExactly("P0", "P1");

            h.register(AMENDED, day("2014-03-01"));

            assertThat(held(h)).isEmpty();
            assertThat(h.<String, Long>store(StoreNames.JUDGE_CLOCK).get("now")).isEqualTo(day("2014-04-05").toEpochMilli());
            assertThat(reports(h)).isEqualTo(1);
        }
    }

    private static List<String> run(Consumer<Harness> inputs) {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            inputs.accept(h);
            return outcome(h);
        }
    }

    /** Every status record (timestamp and value) and every alert, in output order. */
    private static List<String> outcome(Harness h) {
        List<String> out = new ArrayList<>();
        for (TestRecord<String, CommitmentStatus> r : h.statusRecords()) {
            out.add(r.timestamp() + " " + r.value());
        }
        h.alerts().forEach(a -> out.add(a.toString()));
        return out;
    }

    /** The held records, as input letter and offset ("P1": progress offset 1). */
    private static List<String> held(Harness h) {
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, HeldRecord> it = h.<Bytes, HeldRecord>store(StoreNames.HELD_RECORDS).all()) {
            it.forEachRemaining(kv -> out.add((char) kv.key.get()[0] + Long.toString(offset(kv.key.get()))));
        }
        return out;
    }

    private static int reports(Harness h) {
        int n = 0;
        try (KeyValueIterator<Bytes, Object> it = h.<Bytes, Object>store(StoreNames.REPORTS).all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private static long offset(byte[] key) {
        long offset = 0;
        for (int i = 1; i < 9; i++) {
            offset = (offset << 8) | (key[i] & 0xFF);
        }
        return offset;
    }

    private static String message(TestRecord<byte[], byte[]> r) {
        return new String(r.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8);
    }
}
