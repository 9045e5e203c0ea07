package org.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.ingest.cli.Cli;
import org.vigia.ingest.replay.ReplayOptions;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

class CliTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int cli(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void tokenPrintsATokenAndTheTokensFileLineThatAuthenticatesIt() throws Exception {
        assertThat(cli("token", "agency:SCT")).isZero();

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        String token = lines[0];
        Path file = Files.writeString(dir.resolve("tokens.yaml"), "tokens:\n" + lines[1] + "\n" + lines[2] + "\n");
        assertThat(TokenStore.load(file).authenticate(token)).contains(Principal.parse("agency:SCT"));
        assertThat(out.toString()).doesNotContain("#");
    }

    @Test
    void aBadPrincipalOrCommandIsAUsageError() {
        assertThat(cli("token", "mayor:X")).isEqualTo(2);
        assertThat(cli("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("principal must be").contains("unknown command 'frobnicate'").contains("usage:");
    }

    @Test
    void replayOptionsReadTickSpeedDurationAndEnd() {
        ReplayOptions o = Cli.replayOptions(new String[] {"--tick", "6h", "--speed", "7d", "--end", "2015-12-31"}, 0);

        assertThat(o.tick()).isEqualTo(Duration.ofHours(6));
        assertThat(o.speed()).isEqualTo(7 * 86_400.0);
        assertThat(o.end()).contains(Instant.parse("2015-12-31T00:00:00Z"));
        assertThat(Cli.replayOptions(new String[] {"--speed", "max"}, 0).speed()).isZero();
        assertThat(Cli.replayOptions(new String[] {"--duration", "60s"}, 0).targetDuration()).contains(Duration.ofSeconds(60));
    }

    @Test
    void aReplayIsValidatedBeforeKafkaIsEvenConfigured() throws Exception {
        Files.writeString(dir.resolve("commitments.json"), "[]");
        Files.writeString(dir.resolve("progress.jsonl"), "{\"updateId\":\"u1\"}\n");

        assertThat(cli("replay", dir.resolve("nope").toString())).isEqualTo(1);
        assertThat(cli("replay", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("nope: is not a folder").contains("progress.jsonl:1: commitmentId: is required")
                .doesNotContain("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void aValidDatasetWithoutKafkaSettingsIsAConfigurationError() throws Exception {
        Files.writeString(dir.resolve("commitments.json"), "[{\"id\":\"C1\",\"planId\":\"P\",\"country\":\"MX\",\"title\":\"T\","
                + "\"agency\":\"PGR\",\"sector\":\"s\",\"origin\":\"CO_CREATED\",\"startDate\":\"2014-01-01\",\"dueDate\":\"2014-02-01\"}]");
        Files.writeString(dir.resolve("progress.jsonl"), "");

        assertThat(cli("replay", dir.toString(), "--speed", "max")).isEqualTo(2);
        assertThat(err.toString()).contains("KAFKA_BOOTSTRAP_SERVERS is required");
    }
}
