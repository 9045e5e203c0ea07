package org.vigia.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.NewsKind;
import org.vigia.kit.SettingsException;

class FeedsConfigTest {
    @TempDir
    Path dir;

    @Test
    void theShippedExampleFileIsValid() throws Exception {
        Path example = dir.resolve("feeds.yaml");
        try (var in = FeedsConfig.class.getResourceAsStream("/feeds.example.yaml")) {
            Files.copy(in, example);
        }

        FeedsConfig config = FeedsConfig.load(example);

        assertThat(config.feeds()).hasSize(2);
        assertThat(config.feeds().get(0).url()).isEqualTo(URI.create("https://www.example.org/rss/politica.xml"));
        assertThat(config.feeds().get(0).pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.feeds().get(1).pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.agencies().get("PGR")).anySatisfy(k -> {
            assertThat(k.term()).isEqualTo("Ayotzinapa");
            assertThat(k.kind()).isEqualTo(NewsKind.SCANDAL);
            assertThat(k.weight()).isEqualTo(2.0);
        });
        assertThat(config.agencies().get("SCT")).anySatisfy(k -> assertThat(k.term()).isEqualTo("SCT"));
        assertThat(config.maxItemAge()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void mistakesAreNamedWithTheirPlaceInTheFile() throws Exception {
        assertThatThrownBy(() -> load("feeds: [{url: 'ftp://x', outlet: A}]\nagencies: {PGR: [PGR]}"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("feeds[0].url: must be an http(s) URL (was 'ftp://x')");
        assertThatThrownBy(() -> load("feeds: [{url: 'https://x.org', outlet: A}]\nagencies: {PGR: [{term: x, kind: BAD}]}"))
                .hasMessageContaining("agencies.PGR[0].kind: must be one of SCANDAL, LEADERSHIP_CHANGE, GENERAL (was 'BAD')");
        assertThatThrownBy(() -> load("feeds: [{url: 'https://x.org', outlet: A}]\nagencies: {pgr: [x]}"))
                .hasMessageContaining("agencies.pgr: must be an agency code matching [A-Z0-9_-]{1,32}");
        assertThatThrownBy(() -> load("feeds: [{url: 'https://x.org', outlet: A, pollInterval: soon}]\nagencies: {PGR: [x]}"))
                .hasMessageContaining("feeds[0].pollInterval: must be a duration such as 30s, 15m, 1h or 7d (was 'soon')");
        assertThatThrownBy(() -> load("feeds: [{url: 'https://x.org', outlet: A}]\nagencies: {PGR: [{term: x, weight: 0}]}"))
                .hasMessageContaining("agencies.PGR[0].weight: must be a number greater than 0");
    }

    @Test
    void everyMistakeInTheFileIsReportedAtOnceWithItsPath() {
        assertThatThrownBy(() -> load("""
                timeout: 0s
                feeds:
                  - { url: 'https://x.org/rss', outlet: A }
                  - { url: 'mailto:a@x.org' }
                agencies:
                  PGR: [Ayotzinapa, { term: x, kind: RUMOUR, weight: -1 }]
                  SCT: []
                """))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("VIGIA_FEEDS_FILE f.yaml is invalid (6 problems):")
                .hasMessageContaining("\n  timeout: must be a duration")
                .hasMessageContaining("\n  feeds[1].url: must be an http(s) URL (was 'mailto:a@x.org')")
                .hasMessageContaining("\n  feeds[1].outlet: is required (at most 200 characters)")
                .hasMessageContaining("\n  agencies.PGR[1].kind: must be one of SCANDAL")
                .hasMessageContaining("\n  agencies.PGR[1].weight: must be a number greater than 0 (was '-1')")
                .hasMessageContaining("\n  agencies.SCT: must be a non-empty list")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("feeds[0]"));
    }

    @Test
    void missingListsAndAnEmptyFileAreNamed() {
        assertThatThrownBy(() -> load("timeout: 5s\n"))
                .hasMessageContaining("feeds: must be a non-empty list")
                .hasMessageContaining("agencies: must be a non-empty mapping");
        assertThatThrownBy(() -> load("")).hasMessageContaining("(file): must be a YAML mapping with 'feeds' and 'agencies'");
        assertThatThrownBy(() -> load("feeds: [")).hasMessageContaining("VIGIA_FEEDS_FILE f.yaml is not valid YAML");
    }

    FeedsConfig load(String yaml) throws Exception {
        return FeedsConfig.load(Files.writeString(dir.resolve("f.yaml"), yaml));
    }
}
