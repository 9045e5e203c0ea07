package org.vigia.stack.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container scripts under {@code deploy/} run by {@code sh}, with the commands they
 * call replaced by small scripts on the PATH: {@code hostname} and {@code java} for the
 * service entrypoint, and Kafka's {@code kafka-features.sh} for kafka-init (no Kafka
 * distribution exists where the build runs), which answers {@code describe} in the format
 * of Kafka 4.4.0 and records every call.
 */
class DeployFilesScriptsTest {
    @TempDir
    Path dir;
    private final DeployFiles deploy = DeployFiles.locate();

    record Run(int exit, String out, String err) {
    }

    // --- deploy/docker/entrypoint.sh ---------------------------------------------------

    private Run entrypoint(Map<String, String> env, String... args) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("hostname"), """
                case "${1:-}" in
                  -I) echo "${FAKE_HOSTNAME_I:-}" ;;
                  -i) echo "${FAKE_HOSTNAME_i:-}" ;;
                  *) echo c0ffee123456 ;;
                esac
                """);
        script(bin.resolve("java"), """
                echo "advertised=${VIGIA_ADVERTISED_HOST:-}"
                for a in "$@"; do echo "arg=$a"; done
                """);
        Map<String, String> all = new HashMap<>(env);
        all.put("PATH", bin + ":/usr/bin:/bin");
        all.putIfAbsent("VIGIA_HTTP_PORT", "8082");
        List<String> command = new java.util.ArrayList<>(List.of("sh", deploy.root.resolve("deploy/docker/entrypoint.sh").toString()));
        command.addAll(List.of(args));
        return run(command, all);
    }

    @Test
    void theEntrypointAdvertisesTheContainersIpv4AddressEvenWhenAnIpv6OneComesFirst() throws Exception {
        Run run = entrypoint(Map.of("FAKE_HOSTNAME_I", "fd00:dead::5 172.18.0.5 10.0.0.9"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("advertised=172.18.0.5:8082\n");
        // What the stream-processor's settings accept (VIGIA_ADVERTISED_HOST must be host:port).
        assertThat("172.18.0.5:8082").matches("[A-Za-z0-9.\\-]+:[0-9]{1,5}");
    }

    @Test
    void withOnlyIpv6AddressesTheEntrypointAdvertisesTheHostnameDockerResolves() throws Exception {
        Run run = entrypoint(Map.of("FAKE_HOSTNAME_I", "fd00:dead::5", "FAKE_HOSTNAME_i", "fe80::1"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("advertised=c0ffee123456:8082\n");
    }

    @Test
    void anExplicitAdvertisedHostIsKeptAndArgumentsReachTheJarUnchanged() throws Exception {
        Run run = entrypoint(Map.of("VIGIA_ADVERTISED_HOST", "processor-1.example:9000", "FAKE_HOSTNAME_I", "172.18.0.5"),
                "replay", "/srv/vigia/data/mexico-2013-2015", "--duration", "120s");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                advertised=processor-1.example:9000
                arg=-jar
                arg=/app/vigia.jar
                arg=replay
                arg=/srv/vigia/data/mexico-2013-2015
                arg=--duration
                arg=120s
                """);
    }

    // --- deploy/kafka/kafka-init.sh ----------------------------------------------------

    /** Runs kafka-init against a fake kafka-features.sh whose broker is at {@code level}. */
    private Run kafkaInit(String level, Map<String, String> env) throws Exception {
        Path state = dir.resolve("level");
        Files.writeString(state, level);
        Path features = script(dir.resolve("kafka-features.sh"), """
                echo "$*" >> "%1$s.calls"
                [ -n "${FAKE_UNREACHABLE:-}" ] && { echo "Timed out waiting for a node assignment. Call: describeFeatures" >&2; exit 1; }
                case "$3" in
                  describe)
                    printf 'Feature: metadata.version\\tSupportedMinVersion: 3.3-IV3\\tSupportedMaxVersion: 4.4-IV0\\tFinalizedVersionLevel: 4.4-IV0\\tEpoch: 7\\n'
                    printf 'Feature: transaction.version\\tSupportedMinVersion: 0\\tSupportedMaxVersion: 2\\tFinalizedVersionLevel: %%s\\tEpoch: 7\\n' "$(cat "%1$s")" ;;
                  upgrade|downgrade)
                    if [ -n "${FAKE_REFUSE:-}" ]; then
                      echo "1 out of 1 operation(s) failed."
                      echo "Could not $3 transaction.version to ${5#*=}. Invalid update version: refused by the controller"
                      exit 1
                    fi
                    echo "transaction.version was ${3}d to ${5#*=}."
                    echo "${5#*=}" > "%1$s" ;;
                esac
                """.formatted(state));
        Map<String, String> all = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092",
                "KAFKA_FEATURES_COMMAND", features.toString(), "VIGIA_TRANSACTION_VERSION", "1", "PATH", "/usr/bin:/bin"));
        all.putAll(env);
        return run(List.of("sh", deploy.root.resolve("deploy/kafka/kafka-init.sh").toString()), all);
    }

    private String calls() throws IOException {
        Path calls = dir.resolve("level.calls");
        return Files.exists(calls) ? Files.readString(calls) : "";
    }

    @Test
    void kafkaInitDowngradesABrokerAtTheDefaultLevelAndChecksThatItHolds() throws Exception {
        Run run = kafkaInit("2", Map.of());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("kafka-init: transaction.version is 2; downgrade to 1")
                .contains("kafka-init: transaction.version is now 1")
                .contains("FinalizedVersionLevel: 1");
        assertThat(calls()).contains("--bootstrap-server kafka:19092 downgrade --feature transaction.version=1");
    }

    @Test
    void kafkaInitChangesNothingWhenTheLevelIsAlreadyPinned() throws Exception {
        Run run = kafkaInit("1", Map.of());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("kafka-init: transaction.version is already 1");
        assertThat(calls()).doesNotContain("grade");
    }

    @Test
    void withThePinRemovedKafkaInitOnlyChecksThatKafkaAnswers() throws Exception {
        Run run = kafkaInit("2", Map.of("VIGIA_TRANSACTION_VERSION", ""));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("transaction.version is left as the broker has it").contains("FinalizedVersionLevel: 2");
        assertThat(calls()).doesNotContain("grade");
    }

    @Test
    void aRefusedDowngradeFailsKafkaInitWithKafkasOwnReason() throws Exception {
        Run run = kafkaInit("2", Map.of("FAKE_REFUSE", "yes"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("kafka-init: FAILED: the broker refused to downgrade transaction.version to 1:")
                .contains("Could not downgrade transaction.version to 1. Invalid update version: refused by the controller");
    }

    @Test
    void aBrokerThatNeverAnswersFailsKafkaInitAfterTheTimeoutWithTheLastError() throws Exception {
        Run run = kafkaInit("2", Map.of("FAKE_UNREACHABLE", "yes", "KAFKA_INIT_TIMEOUT", "2"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("kafka-init: FAILED: Kafka at kafka:19092 did not answer within 2s")
                .contains("Timed out waiting for a node assignment");
    }

    @Test
    void aPinThatIsNotAFeatureLevelIsRefusedNamingTheVariable() throws Exception {
        Run run = kafkaInit("2", Map.of("VIGIA_TRANSACTION_VERSION", "v1"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("VIGIA_TRANSACTION_VERSION must be a feature level (0, 1, 2, ...) or empty, was 'v1'");
        assertThat(calls()).isEmpty();
    }

    // ---------------------------------------------------------------------------------

    private static Path script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Process process = builder.start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }
}
