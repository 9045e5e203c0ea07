package org.vigia.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record builders put every named field where its name says, and leave the rest at the record's defaults. */
class BuildersTest {
    static final Instant AT = Instant.parse("2014-10-27T12:00:00Z");

    @Test
    void aProgressUpdateGetsEveryFieldByName() {
        ProgressUpdate u = ProgressUpdates.agency("agency:SCT").id("sct-2").commitment("SCT-1").milestone("SCT-1-M1")
                .percent(40.0).at(AT).evidence("https://sct.gob.mx/e").note("avance").build();
        assertThat(u).isEqualTo(new ProgressUpdate("sct-2", "SCT-1", "SCT-1-M1", 40.0, null, Source.AGENCY, "agency:SCT",
                AT, "https://sct.gob.mx/e", "avance"));
        assertThat(u.violations()).isEmpty();
        assertThat(ProgressUpdates.from(u).build()).isEqualTo(u);
    }

    @Test
    void eachSourceHasItsFactoryAndTheOriginCanBeLeftForIngestToStamp() {
        ProgressUpdate irm = ProgressUpdates.irm().id("i-1").commitment("C").level(IrmLevel.LIMITED).at(AT).build();
        assertThat(irm.source()).isEqualTo(Source.IRM);
        assertThat(irm.reporter()).isEqualTo("irm");
        assertThat(irm.percent()).isNull();
        assertThat(ProgressUpdates.cso("cso:fundar").build().source()).isEqualTo(Source.CSO);
        ProgressUpdate unstamped = ProgressUpdates.from(irm).origin(null, null).build();
        assertThat(unstamped.source()).isNull();
        assertThat(unstamped.reporter()).isNull();
        assertThat(unstamped.level()).isEqualTo(IrmLevel.LIMITED);
    }

    @Test
    void buildDoesNotValidateSoATestCanBuildABrokenRecord() {
        ProgressUpdate both = ProgressUpdates.irm().id("u").commitment("C").percent(10.0).level(IrmLevel.COMPLETE)
                .at(AT).build();
        assertThat(both.violations()).extracting(Violation::field).containsExactly("percent");
    }

    @Test
    void aCommitmentGetsEveryFieldByNameAndTheDefaultsOfAMexicanCoCreatedEntry() {
        LocalDate start = LocalDate.parse("2013-11-01");
        LocalDate due = LocalDate.parse("2015-10-31");
        Milestone m2 = new Milestone("m2", "Publicación", 1.0, due);
        Commitment c = Commitments.of("PGR-1", "PGR", "justice-security").plan("mx-2013-2015").title("Registro")
                .leadCso("Artículo 19").origin(Origin.PROACTIVE).runs(start, due).stallAfterDays(60)
                .milestone("m1", 2).milestone(m2).risk(RiskFactor.ISSUE_SENSITIVITY, RiskLevel.HIGH)
                .cutoffs(List.of(LocalDate.parse("2014-10-27"))).build();
        assertThat(c).isEqualTo(new Commitment("PGR-1", "mx-2013-2015", "MX", "Registro", "PGR", "justice-security",
                "Artículo 19", Origin.PROACTIVE, start, due, 60,
                List.of(new Milestone("m1", "Milestone m1", 2.0, null), m2),
                Map.of(RiskFactor.ISSUE_SENSITIVITY, RiskLevel.HIGH), List.of(LocalDate.parse("2014-10-27"))));
        assertThat(c.violations()).isEmpty();

        Commitment bare = Commitments.of("SCT-1", "SCT", "infrastructure").runs(start, due).build();
        assertThat(bare.planId()).isEqualTo("mx-2013");
        assertThat(bare.country()).isEqualTo("MX");
        assertThat(bare.title()).isEqualTo("Commitment SCT-1");
        assertThat(bare.origin()).isEqualTo(Origin.CO_CREATED);
        assertThat(bare.milestones()).isEmpty();
        assertThat(bare.riskFactors()).isEmpty();
        assertThat(bare.cutoffs()).isEmpty();
    }

    /**
     * {@code Map.copyOf} iterates in an order salted per JVM, so the same commitment was written
     * with its risk factors in a different order by different processes: the wire bytes of one
     * input must not depend on the process that wrote them.
     */
    @Test
    void riskFactorsAreWrittenInTheirDeclaredOrderWhateverOrderTheyWereGivenIn() {
        java.util.Map<RiskFactor, RiskLevel> forward = new java.util.LinkedHashMap<>();
        java.util.Map<RiskFactor, RiskLevel> backward = new java.util.LinkedHashMap<>();
        RiskFactor[] all = RiskFactor.values();
        for (int i = 0; i < all.length; i++) {
            forward.put(all[i], RiskLevel.values()[i % 3]);
            backward.put(all[all.length - 1 - i], RiskLevel.values()[(all.length - 1 - i) % 3]);
        }
        LocalDate start = LocalDate.parse("2013-11-01");
        String a = new String(Json.write(Commitments.of("C", "PGR", "justice").runs(start, start).risks(forward).build()),
                java.nio.charset.StandardCharsets.UTF_8);
        String b = new String(Json.write(Commitments.of("C", "PGR", "justice").runs(start, start).risks(backward).build()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(a).isEqualTo(b).contains("\"riskFactors\":{\"constitutionalLimits\"");
        assertThat(a.indexOf("csoCooperation")).isLessThan(a.indexOf("budgetConstraints"));
    }
}
