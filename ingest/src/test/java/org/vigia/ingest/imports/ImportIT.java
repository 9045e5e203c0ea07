package org.vigia.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.ingest.KafkaTestSupport.Read;
import org.vigia.ingest.KafkaTestSupport;
import org.vigia.ingest.cli.Cli;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;
import org.vigia.kit.KafkaSettings;
import org.vigia.kit.TopicCreator;

/** The import commands against the real broker: a good file is written whole, a bad one not at all. */
class ImportIT {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>(Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", EmbeddedKafkaBroker.shared().bootstrapServers(),
            "VIGIA_TOPIC_PREFIX", "test-" + UUID.randomUUID() + ".", "VIGIA_PARTITIONS", "3"));
    final KafkaSettings kafka = KafkaSettings.from(new Env(env));

    int cli(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    @Test
    void importRegistryWritesEveryRowOfAnOgpCsvKeyedById() throws Exception {
        Path csv = Files.writeString(dir.resolve("ogp.csv"), """
                Commitment Unique Identifier,Country,Action Plan,Commitment Title,Lead Institution,Sector,Start Date,End Date
                MX0042,MX,MX-2013-2015,Registro de detenidos,PGR,justice-security,2013-11-01,2015-10-31
                MX0043,MX,MX-2013-2015,Infraestructura para todos,SCT,infrastructure,2013-11-01,2015-10-31
                """);

        int code = cli("import-registry", csv.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote 2 commitments to " + kafka.topics().commitments.name());
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().commitments)).extracting(Read::key)
                .containsExactlyInAnyOrder("MX0042", "MX0043");
    }

    @Test
    void importRegistryReadsOgpsOwnSheetWithTheAgencyTableAndThePlansPeriod() throws Exception {
        Path csv = Files.writeString(dir.resolve("ogp.csv"), RegistryFileTest.OGP_SHEET);
        Path agencies = Files.writeString(dir.resolve("agencies.yaml"),
                "PGR: [Procuraduría General de la República]\nSCT: [Secretaría de Comunicaciones y Transportes]\n");

        int refused = cli("import-registry", csv.toString(), "--agencies", agencies.toString());
        int code = cli("import-registry", csv.toString(), "--agencies", agencies.toString(),
                "--plan-start", "2013-11-01", "--plan-end", "2015-10-31");

        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("ogp.csv:2: startDate: is required (the sheet gives no date");
        assertThat(code).as(err.toString()).isZero();
        assertThat(KafkaTestSupport.readCommitted(kafka, kafka.topics().commitments))
                .extracting(r -> r.key() + "/" + r.value().agency() + "/" + r.value().planId() + "/" + r.value().dueDate())
                .containsExactlyInAnyOrder("MX0042/PGR/MX-2013-2/2015-10-31", "MX0043/SCT/MX-2013-2/2015-10-31");
    }

    @Test
    void aPlanPeriodThatEndsBeforeItStartsIsAUsageError() throws Exception {
        Path csv = Files.writeString(dir.resolve("ogp.csv"), RegistryFileTest.OGP_SHEET);

        assertThat(cli("import-registry", csv.toString(), "--plan-start", "2015-10-31", "--plan-end", "2013-11-01")).isEqualTo(2);
        assertThat(cli("import-registry", csv.toString(), "--plan-start", "2015-10-31")).isEqualTo(2);
        assertThat(err.toString()).contains("--plan-end 2013-11-01 is before --plan-start 2015-10-31")
                .contains("--plan-start and --plan-end go together");
    }

    @Test
    void importRegistryWithABadRowNamesItsLineAndWritesNothing() throws Exception {
        TopicCreator.ensure(kafka, kafka.topics().all());
        Path csv = Files.writeString(dir.resolve("registry.csv"), """
                id,planId,country,title,agency,sector,startDate,dueDate
                C1,P1,MX,Fine,PGR,justice,2014-01-01,2014-12-31
                C2,P1,MX,Fine too,SCT,infrastructure,2014-01-01,2014-12-31
                C3,P1,MX,Bad,SCT,infrastructure,2014-01-01,2013-12-31
                """);

        int code = cli("import-registry", csv.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("registry.csv:4: dueDate: must not be before startDate");
        assertThat(KafkaTestSupport.readAll(kafka, kafka.topics().commitments, "read_uncommitted")).isEmpty();
    }

    @Test
    void importProgressWritesAHistoryStampedWithReportedAtAndRefusesUnknownCommitments() throws Exception {
        Path registry = Files.writeString(dir.resolve("registry.json"), """
                [{"id":"C1","planId":"P1","country":"MX","title":"T","agency":"PGR","sector":"justice","origin":"CO_CREATED",
                  "startDate":"2014-01-01","dueDate":"2014-12-31","milestones":[{"id":"M1","title":"m"}]}]
                """);
        Path good = Files.writeString(dir.resolve("good.jsonl"),
                "{\"updateId\":\"u1\",\"commitmentId\":\"C1\",\"milestoneId\":\"M1\",\"percent\":5,\"source\":\"CSO\",\"reporter\":\"cso:X\",\"reportedAt\":\"2014-02-01T10:00:00Z\"}\n");
        Path unknown = Files.writeString(dir.resolve("unknown.csv"), """
                updateId,commitmentId,percent,source,reporter,reportedAt
                u2,C1,10,AGENCY,agency:PGR,2014-03-01T10:00:00Z
                u3,C9,10,AGENCY,agency:PGR,2014-03-01T10:00:00Z
                """);

        assertThat(cli("import-registry", registry.toString())).as(err.toString()).isZero();
        assertThat(cli("import-progress", good.toString())).as(err.toString()).isZero();
        assertThat(cli("import-progress", unknown.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("update u3: commitmentId: must name a commitment in the registry (C9 is unknown)");
        assertThat(KafkaTestSupport.readAll(kafka, kafka.topics().progress, "read_uncommitted"))
                .extracting(r -> r.value().updateId() + "@" + r.timestamp())
                .containsExactly("u1@" + java.time.Instant.parse("2014-02-01T10:00:00Z").toEpochMilli());
    }
}
