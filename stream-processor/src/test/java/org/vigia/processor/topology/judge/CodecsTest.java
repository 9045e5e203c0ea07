package org.vigia.processor.topology.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigia.processor.topology.Fixtures.commitment;
import static org.vigia.processor.topology.Fixtures.milestone;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.events.CommitmentState;
import org.vigia.events.RiskFactor;
import org.vigia.events.RiskLevel;
import org.vigia.events.Severity;
import org.vigia.events.Source;
import org.vigia.processor.topology.heat.AgencyHeat;
import org.vigia.processor.topology.heat.HeatInput;
import org.vigia.processor.topology.rollup.Rollup;
import org.vigia.processor.topology.rollup.RollupDelta;

/** Every binary state codec gives back what it was given, and refuses state of another version. */
class CodecsTest {

    @Test
    void aRegistryEntryRoundTripsWithEveryField() {
        Commitment c = Commitments.of("MX-1", "PGR", "justice-security").title("Registro de detenidos — ñ")
                .leadCso("Artículo 19").runs(LocalDate.parse("2013-11-01"), LocalDate.parse("2015-10-31"))
                .stallAfterDays(60).milestone(milestone("m1", 2)).milestone(milestone("m2", 1))
                .risk(RiskFactor.ISSUE_SENSITIVITY, RiskLevel.HIGH).cutoffs(java.util.List.of(LocalDate.parse("2014-10-27")))
                .build();
        assertThat(RegistryCodec.decode(RegistryCodec.encode(c))).isEqualTo(c);
        Commitment bare = commitment("c1");
        assertThat(RegistryCodec.decode(RegistryCodec.encode(bare))).isEqualTo(bare);
    }

    @Test
    void aRegistryEntryKeepsThePlansCutoffDatesAndVersionOneEntriesStillRead() {
        Commitment c = commitment("c1").withCutoffs(java.util.List.of(LocalDate.parse("2014-10-27"),
                LocalDate.parse("2015-03-08"), LocalDate.parse("2015-07-22")));
        byte[] bytes = RegistryCodec.encode(c);
        assertThat(bytes[0]).isEqualTo((byte) 2);
        assertThat(RegistryCodec.decode(bytes)).isEqualTo(c);

        // Version 1 is version 2 without the trailing cut-off list (an empty list is one zero byte).
        byte[] v2 = RegistryCodec.encode(commitment("c1"));
        assertThat(v2[v2.length - 1]).isZero();
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 1);
        v1[0] = 1;
        assertThat(RegistryCodec.decode(v1)).isEqualTo(commitment("c1"));
        assertThat(RegistryCodec.decode(v1).cutoffs()).isEmpty();

        byte[] v3 = RegistryCodec.encode(c);
        v3[0] = 3;
        assertThatThrownBy(() -> RegistryCodec.decode(v3)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("codec version 3").hasMessageContaining("reads 1 to 2");
    }

    @Test
    void aLedgerRoundTrips() {
        Ledger l = new Ledger();
        l.reports.add(new Ledger.Report("m1", Source.AGENCY, 40.5, 1_400_000_000_000L, true));
        l.reports.add(new Ledger.Report(Completion.WHOLE, Source.CSO, 10, 1_400_000_100_000L, false));
        l.lastProgressAt = 1_400_000_000_000L;
        l.lastUpdateAt = 1_400_000_100_000L;
        l.lastReportAt = 1_400_000_100_000L;
        l.lastNote = "pendiente la firma";
        l.evaluatedAt = 1_400_000_200_000L;
        l.episodes[0] = new Ledger.Episode("c1:STALLED:2014-05-13", Severity.CRITICAL, 1_400_000_000_000L);
        l.newAlertId("c1", AlertType.STALLED, 1_400_000_000_000L);
        l.wakeAt = 1_500_000_000_000L;
        l.official = 40.5;
        l.published = new StatusFacts(CommitmentState.STALLED, 25.3, 10.0, true, false, 1L, 2L, 91,
                LocalDate.parse("2016-01-02"), 3L);

        Ledger back = LedgerCodec.decode(LedgerCodec.encode(l));

        assertThat(back).usingRecursiveComparison().isEqualTo(l);
    }

    @Test
    void theOtherStateRecordsRoundTrip() {
        RollupDelta d = new RollupDelta("mx", Rollup.Kind.AGENCY, "PGR", -1, CommitmentState.STALLED, null, -253, 0, 0, 9L);
        Rollup r = Rollup.empty().plus(d).plus(new RollupDelta("mx", Rollup.Kind.AGENCY, "PGR", 2, null,
                CommitmentState.ON_TRACK, 800, 300, 1, 10L));
        Rollup.Codec rc = new Rollup.Codec();
        assertThat(rc.deserializer().deserialize("t", rc.serializer().serialize("t", r)))
                .usingRecursiveComparison().isEqualTo(r);

        HeatInput.Codec hc = new HeatInput.Codec();
        HeatInput m = new HeatInput.Membership("PGR", "c1", "mx", true, false, 5L);
        HeatInput w = new HeatInput.Watermark(3, 6L);
        assertThat(hc.deserializer().deserialize("t", hc.serializer().serialize("t", m))).isEqualTo(m);
        assertThat(hc.deserializer().deserialize("t", hc.serializer().serialize("t", w))).isEqualTo(w);

        AgencyHeat h = new AgencyHeat();
        h.heat = 3.5;
        h.at = 7L;
        h.headlines.add(new org.vigia.events.AlertDetails.Headline("Ayotzinapa", "https://x.example/a", "Proceso",
                Instant.parse("2014-09-27T00:00:00Z")));
        h.unfinished = 2;
        h.plans.put("mx", 2);
        h.episodeId = "PGR:SENSITIVITY_SPIKE:2014-09-27";
        AgencyHeat.Codec ac = new AgencyHeat.Codec();
        assertThat(ac.deserializer().deserialize("t", ac.serializer().serialize("t", h)))
                .usingRecursiveComparison().isEqualTo(h);
    }

    @Test
    void stateOfAnotherCodecVersionIsRefusedWithTheWayOut() {
        byte[] bytes = LedgerCodec.encode(new Ledger());
        bytes[0] = 99;
        assertThatThrownBy(() -> LedgerCodec.decode(bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("codec version 99").hasMessageContaining("rebuild the state");
    }

    @Test
    void aHeldRecordRoundTripsWhateverItHolds() {
        org.vigia.events.Topics t = new org.vigia.events.Topics("t.");
        var codec = HeldRecord.codec(t.progress.valueSerde(), t.commitments.valueSerde());
        var update = org.vigia.processor.topology.Fixtures.update("u1", "c1", "m1", 40, Source.CSO,
                Instant.parse("2014-03-01T10:00:00Z"), "https://example.org/e", "nota — ñ");
        for (HeldRecord h : java.util.List.of(new HeldRecord("c1", update, 1_393_668_000_000L, 7),
                new HeldRecord("c1", commitment("c1", milestone("m1", 1)), 5L, -1),
                new HeldRecord("c1", new org.vigia.processor.topology.Withdrawal("c1"), 9L, 3), HeldRecord.rejected())) {
            assertThat(codec.deserializer().deserialize("x", codec.serializer().serialize("x", h))).isEqualTo(h);
        }
        assertThat(HeldRecord.offsetOf(HeldRecord.keyOf(HeldRecord.PROGRESS, 1L << 40 | 5))).isEqualTo(1L << 40 | 5);
        assertThat(HeldRecord.keyOf(HeldRecord.PROGRESS, 255).compareTo(HeldRecord.keyOf(HeldRecord.PROGRESS, 256)))
                .as("offsets iterate in order").isNegative();
    }
}
