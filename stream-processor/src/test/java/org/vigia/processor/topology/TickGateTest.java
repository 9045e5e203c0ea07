package org.vigia.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.day;
import static org.vigia.processor.topology.Fixtures.update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;
import org.vigia.events.Alert;
import org.vigia.events.AlertType;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;
import org.vigia.events.Tick;

/**
 * A tick that names the progress and registry offsets it follows (as the replay writes them)
 * is applied after those records, whichever the task reads first: the outcome is the one of
 * the order they were written in. A tick without offsets is applied when read.
 */
class TickGateTest {
    private static final ProgressUpdate U1 = update("u1", "c1", null, 20, Source.AGENCY, day("2014-03-20"), null, null);

    /** Written order: the registry entry (commitments offset 0), the report (progress offset 0), then the tick. */
    private static List<String> inWrittenOrder() {
        return run(h -> h.register(commitment("c1")).report(U1).tick(day("2014-04-05"), 0L, 0L));
    }

    @Test
    void aTickReadBeforeTheReportItFollowsWaitsForIt() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(commitment("c1")).tick(day("2014-04-05"), 0L, 0L);
            assertThat(h.alerts()).isEmpty();
            assertThat(held(h)).hasSize(1);
            assertThat(h.<String, Long>store(StoreNames.JUDGE_CLOCK).get("now")).isEqualTo(day("2014-01-01").toEpochMilli());

            h.report(U1);

            assertThat(held(h)).isEmpty();
            assertThat(h.<String, Long>store(StoreNames.JUDGE_CLOCK).get("now")).isEqualTo(day("2014-04-05").toEpochMilli());
            assertThat(h.late).isEmpty();
            assertThat(ids(h.alerts())).isEqualTo(inWrittenOrder());
        }
    }

    @Test
    void withoutOffsetsTheSameTickOvertakesTheReportAndTheReportIsLate() {
        List<String> plain = run(h -> h.register(commitment("c1")).tick(day("2014-04-05"), null, null).report(U1));
        assertThat(plain).isNotEqualTo(inWrittenOrder()).contains("c1:STALLED:2014-04-01 FIRING");
        assertThat(inWrittenOrder()).noneMatch(id -> id.startsWith("c1:STALLED"));
    }

    @Test
    void ticksAfterAHeldTickWaitBehindItEvenWithoutOffsets() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(commitment("c1")).tick(day("2014-03-25"), 0L, 0L).tick(day("2014-04-05"), null, null);
            assertThat(h.alerts()).isEmpty();
            assertThat(held(h)).extracting(kv -> kv.value.at()).containsExactly(day("2014-03-25"), day("2014-04-05"));

            h.report(U1);

            assertThat(held(h)).isEmpty();
            assertThat(h.<String, Long>store(StoreNames.JUDGE_CLOCK).get("now")).isEqualTo(day("2014-04-05").toEpochMilli());
            assertThat(ids(h.alerts())).isEqualTo(inWrittenOrder());
        }
    }

    @Test
    void aTickReadBeforeTheRegistryEntryItFollowsWaitsForIt() {
        List<String> written = run(h -> h.register(commitment("c1")).tick(day("2014-04-05"), null, 0L));
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.tick(day("2014-04-05"), null, 0L);
            assertThat(held(h)).hasSize(1);

            h.register(commitment("c1"));

            assertThat(held(h)).isEmpty();
            assertThat(ids(h.alerts())).isEqualTo(written).contains("c1:STALLED:2014-04-01 FIRING");
        }
    }

    @Test
    void aRejectedRecordAtTheOffsetStillReleasesTheTick() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(commitment("c1")).tick(day("2014-04-05"), 0L, 0L);

            h.report("not-c1", U1); // progress offset 0, dead-lettered: its key is not its commitmentId

            assertThat(h.deadLetterReasons).hasSize(1);
            assertThat(held(h)).isEmpty();
            assertThat(ids(h.alerts(AlertType.STALLED))).containsExactly("c1:STALLED:2014-04-01 FIRING");
        }
    }

    @Test
    void aTickWhoseRecordsWereReadIsAppliedAtOnce() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(commitment("c1")).report(U1).tick(day("2014-04-05"), 0L, 0L);
            assertThat(held(h)).isEmpty();
            assertThat(h.<String, Long>store(StoreNames.JUDGE_CLOCK).get("now")).isEqualTo(day("2014-04-05").toEpochMilli());
        }
    }

    @Test
    void aTickStampedLaterThanItsTimeStillWaitsForWhatItNames() {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            h.register(commitment("c1")).tick(new Tick(day("2014-04-04"), 0L, 0L), day("2014-04-05"));
            assertThat(held(h)).extracting(kv -> kv.value.at()).containsExactly(day("2014-04-05"));

            h.report(U1);

            assertThat(held(h)).isEmpty();
            assertThat(h.late).isEmpty();
            assertThat(ids(h.alerts())).isEqualTo(inWrittenOrder());
        }
    }

    private static List<String> run(Consumer<Harness> inputs) {
        try (Harness h = new Harness(Thresholds.defaults(), Duration.ZERO, true)) {
            inputs.accept(h);
            return ids(h.alerts());
        }
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(a -> a.alertId() + " " + a.status()).toList();
    }

    private static List<KeyValue<Long, Tick>> held(Harness h) {
        List<KeyValue<Long, Tick>> out = new ArrayList<>();
        try (KeyValueIterator<Long, Tick> it = h.<Long, Tick>store(StoreNames.HELD_TICKS).all()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
