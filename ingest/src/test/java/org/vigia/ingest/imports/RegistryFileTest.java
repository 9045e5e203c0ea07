package org.vigia.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Commitment;
import org.vigia.events.Origin;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.RiskFactor;
import org.vigia.events.RiskLevel;
import org.vigia.ingest.replay.DatasetException;

class RegistryFileTest {
    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();

    @Test
    void readsACsvWithTheColumnNamesOfOgpsCommitmentsSheet() throws Exception {
        Path csv = Files.writeString(dir.resolve("ogp.csv"), """
                \uFEFFCommitment Unique Identifier,Country,Action Plan Number,Commitment Title,Lead Institution,Policy Area,Start Date,End Date,OGP Value Relevance
                MX0042,Mexico,MX 2013-2015,"Registro de detenidos, en datos abiertos",Procuraduría General de la República (PGR),Justicia y Seguridad,2013-11,2015-10,Access to Information
                MX0043,MX,MX 2013-2015,Infraestructura para todos,SCT,Infraestructura,2013-11-01,2015-10-31,
                """);

        List<Commitment> registry = RegistryFile.read(csv, warnings);

        assertThat(registry).hasSize(2);
        Commitment pgr = registry.get(0);
        assertThat(pgr.id()).isEqualTo("MX0042");
        assertThat(pgr.country()).isEqualTo("MX");
        assertThat(pgr.planId()).isEqualTo("MX-2013-2015");
        assertThat(pgr.title()).isEqualTo("Registro de detenidos, en datos abiertos");
        assertThat(pgr.agency()).isEqualTo("PGR");
        assertThat(pgr.sector()).isEqualTo("justicia-y-seguridad");
        assertThat(pgr.origin()).isEqualTo(Origin.CO_CREATED);
        assertThat(pgr.startDate()).isEqualTo(LocalDate.parse("2013-11-01"));
        assertThat(pgr.dueDate()).isEqualTo(LocalDate.parse("2015-10-31"));
        assertThat(pgr.milestones()).isEmpty();
        assertThat(warnings).containsExactly("ogp.csv:1: column 'OGP Value Relevance' is not used");
    }

    @Test
    void readsACsvWithTheDesignFieldNamesAndMilestonesAsAJsonColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("registry.csv"), """
                id,planId,country,title,agency,sector,leadCso,origin,startDate,dueDate,stallAfterDays,milestones,riskFactors
                C1,P1,MX,Title one,PGR,justice-security,Artículo 19,PROACTIVE,2014-01-01,2014-12-31,60,"[{""id"":""M1"",""title"":""First"",""weight"":2}]","{""issueSensitivity"":""HIGH""}"
                """);

        Commitment c = RegistryFile.read(csv, warnings).get(0);

        assertThat(c.origin()).isEqualTo(Origin.PROACTIVE);
        assertThat(c.leadCso()).isEqualTo("Artículo 19");
        assertThat(c.stallAfterDays()).isEqualTo(60);
        assertThat(c.milestones()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("M1");
            assertThat(m.weight()).isEqualTo(2.0);
        });
        assertThat(c.riskFactors()).containsEntry(RiskFactor.ISSUE_SENSITIVITY, RiskLevel.HIGH);
        assertThat(warnings).isEmpty();
    }

    @Test
    void reportsEveryBadRowByItsLineNumberAndReturnsNothing() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), """
                id,planId,country,title,agency,sector,startDate,dueDate
                C1,P1,MX,Fine,PGR,justice,2014-01-01,2014-12-31
                C2,P1,MX,"A title
                over two lines",PGR,justice,2014-01-01,2013-12-31
                C3,P1,Atlantis,Bad country,PGR,justice,2014-01-01,2014-12-31
                C4,P1,MX,Bad date,pgr,justice,January,2014-12-31
                """);

        assertThatThrownBy(() -> RegistryFile.read(csv, warnings)).isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(((DatasetException) e).problems()).containsExactly(
                        "bad.csv:3: dueDate: must not be before startDate (2013-12-31 < 2014-01-01)",
                        "bad.csv:5: country: must be an ISO 3166-1 alpha-2 code or a country name (was \"Atlantis\")",
                        "bad.csv:6: agency: 'pgr' is neither an agency code nor a name of the agency table"
                                + " (give one with --agencies FILE)",
                        "bad.csv:6: startDate: must be a date YYYY-MM-DD or a month YYYY-MM (was \"January\")"));
    }

    @Test
    void readsAJsonArrayAndNamesTheLineOfABadEntry() throws Exception {
        Path good = Files.writeString(dir.resolve("registry.json"), """
                [{"id":"C1","planId":"P1","country":"MX","title":"T","agency":"PGR","sector":"justice","origin":"CO_CREATED",
                  "startDate":"2014-01-01","dueDate":"2014-12-31"}]
                """);
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                [
                  {"id":"C1","planId":"P1","country":"MX","title":"T","agency":"PGR","sector":"justice","origin":"CO_CREATED",
                   "startDate":"2014-01-01","dueDate":"2014-12-31"},
                  {"id":"C2","planId":"P1","country":"MX","title":"T","agency":"PGR","sector":"justice","origin":"SOMETIMES",
                   "startDate":"2014-01-01","dueDate":"2014-12-31"}
                ]
                """);

        assertThat(RegistryFile.read(good, warnings)).extracting(Commitment::id).containsExactly("C1");
        assertThatThrownBy(() -> RegistryFile.read(bad, warnings))
                .hasMessageContaining("bad.json:4: origin: must be one of CO_CREATED, PROACTIVE");
    }

    @Test
    void readsAProgressHistoryFromCsvAndFromJsonLines() throws Exception {
        Path csv = Files.writeString(dir.resolve("progress.csv"), """
                updateId,commitmentId,milestoneId,percent,level,source,reporter,reportedAt,evidenceUrl,note
                u1,C1,M1,40%,,agency,agency:PGR,2014-02-01T10:00:00Z,,
                u2,C1,,,substantial,IRM,irm,2014-03-01T10:00:00Z,https://example.org/e,"note, with comma"
                """);
        Path jsonl = Files.writeString(dir.resolve("progress.jsonl"),
                "{\"updateId\":\"u1\",\"commitmentId\":\"C1\",\"percent\":5,\"source\":\"CSO\",\"reporter\":\"cso:X\",\"reportedAt\":\"2014-02-01T10:00:00Z\"}\n"
                        + "{\"updateId\":\"u2\",\"commitmentId\":\"C1\",\"percent\":5,\"reportedAt\":\"2014-02-01T10:00:00Z\"}\n");

        List<ProgressUpdate> fromCsv = ProgressHistoryFile.read(csv, warnings);

        assertThat(fromCsv).extracting(ProgressUpdate::effectivePercent).containsExactly(40.0, 75.0);
        assertThat(fromCsv.get(1).note()).isEqualTo("note, with comma");
        assertThatThrownBy(() -> ProgressHistoryFile.read(jsonl, warnings))
                .hasMessageContaining("progress.jsonl:2: source: is required")
                .hasMessageContaining("progress.jsonl:2: reporter: is required");
    }

    static final String OGP_SHEET = "\uFEFF"
            + "Commitment Unique Identifier,Commitment Title,Commitment Text,Country/Locality,Region,Theme,Year Of Submission,"
            + "Action Plan Number,Lead Institution,Supporting Institution(s),OGP Value Relevance\n"
            + "MX0042,Registro Nacional de Detenidos,\"Crear un registro\nque sea público,\nen datos abiertos\",México,Americas,"
            + "Justicia y Seguridad,2013,2,Procuraduría General de la República,\"Artículo 19; CIDAC\",Access to Information\n"
            + "MX0043,Infraestructura para todos,Obras públicas abiertas,Mexico,Americas,Infraestructura,2013,2,"
            + "Secretaría de Comunicaciones y Transportes,,\n";

    Path agencyTable() throws Exception {
        return Files.writeString(dir.resolve("agencies.yaml"), """
                PGR:
                  - Procuraduría General de la República
                  - Attorney General's Office
                SCT: [Secretaria de Comunicaciones y Transportes]
                """);
    }

    RegistryImport mexicoPlan() throws Exception {
        return new RegistryImport(AgencyTable.load(agencyTable()), java.util.Optional.of(LocalDate.parse("2013-11-01")),
                java.util.Optional.of(LocalDate.parse("2015-10-31")));
    }

    @Test
    void readsOgpsOwnColumnLayoutWithThePlansPeriodAndTheAgencyTable() throws Exception {
        Path csv = Files.writeString(dir.resolve("ogp-commitments.csv"), OGP_SHEET);

        List<Commitment> registry = RegistryFile.read(csv, mexicoPlan(), warnings);

        assertThat(registry).extracting(Commitment::id).containsExactly("MX0042", "MX0043");
        Commitment pgr = registry.get(0);
        assertThat(pgr.country()).isEqualTo("MX");
        assertThat(pgr.planId()).isEqualTo("MX-2013-2");
        assertThat(pgr.title()).isEqualTo("Registro Nacional de Detenidos");
        assertThat(pgr.agency()).isEqualTo("PGR");
        assertThat(pgr.sector()).isEqualTo("justicia-y-seguridad");
        assertThat(pgr.leadCso()).isEqualTo("Artículo 19");
        assertThat(pgr.startDate()).isEqualTo(LocalDate.parse("2013-11-01"));
        assertThat(pgr.dueDate()).isEqualTo(LocalDate.parse("2015-10-31"));
        Commitment sct = registry.get(1);
        assertThat(sct.agency()).as("accents and case ignored in the table").isEqualTo("SCT");
        assertThat(sct.leadCso()).isNull();
        assertThat(warnings).contains("ogp-commitments.csv:1: column 'Commitment Text' is not used",
                "ogp-commitments.csv:1: column 'Region' is not used");
    }

    @Test
    void anOgpSheetWithoutThePlansPeriodIsRefusedWithHowToGiveIt() throws Exception {
        Path csv = Files.writeString(dir.resolve("ogp-commitments.csv"), OGP_SHEET);
        RegistryImport noPeriod = new RegistryImport(AgencyTable.load(agencyTable()), java.util.Optional.empty(),
                java.util.Optional.empty());

        assertThatThrownBy(() -> RegistryFile.read(csv, noPeriod, warnings)).isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(((DatasetException) e).problems()).contains(
                        "ogp-commitments.csv:2: startDate: is required (" + RegistryFile.PERIOD_HINT + ")",
                        "ogp-commitments.csv:5: dueDate: is required (" + RegistryFile.PERIOD_HINT + ")"));
    }

    @Test
    void anInstitutionThatIsNotInTheAgencyTableIsNamedAndNothingIsRead() throws Exception {
        Path csv = Files.writeString(dir.resolve("ogp-commitments.csv"), OGP_SHEET.replace("Secretaría de Comunicaciones",
                "Secretaría de Economía y Comunicaciones"));

        assertThatThrownBy(() -> RegistryFile.read(csv, mexicoPlan(), warnings)).isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(((DatasetException) e).problems()).containsExactly("ogp-commitments.csv:5: agency: "
                        + "'Secretaría de Economía y Comunicaciones y Transportes' is neither an agency code nor a name of the agency table"));
    }

    @Test
    void aBrokenAgencyTableIsRefusedNamingTheEntry() throws Exception {
        Path table = Files.writeString(dir.resolve("bad.yaml"), "pgr: [Procuraduría]\nSCT: [Procuraduria]\nSFP: []\n");

        assertThatThrownBy(() -> AgencyTable.load(table)).isInstanceOf(DatasetException.class)
                .satisfies(e -> assertThat(((DatasetException) e).problems()).containsExactly(
                        "bad.yaml: pgr: must be an agency code matching [A-Z0-9_-]{1,32}",
                        "bad.yaml: SFP: must be a list of institution names"));
    }
}
