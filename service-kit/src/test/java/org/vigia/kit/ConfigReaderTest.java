package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigia.events.Violation;

class ConfigReaderTest {
    enum Colour { RED, DARK_BLUE }

    private final ConfigReader r = new ConfigReader();

    private static JsonNode yaml(String text) {
        return ConfigReader.readYaml(text, "test file");
    }

    private List<String> problems() {
        return r.violations().stream().map(Violation::toString).toList();
    }

    @Test
    void everyViolationIsKeptWithItsNestedPathAndListIndexAndAllAreThrownTogether() {
        JsonNode root = yaml("""
                subscriptions:
                  - match: { types: [RED, DARK_BLUE, GREEN] }
                    wait: soon
                """);
        List<JsonNode> subs = r.requiredList(root.get("subscriptions"), "subscriptions");
        String match = ConfigReader.field(ConfigReader.index("subscriptions", 0), "match");
        List<JsonNode> types = r.list(subs.get(0).path("match").get("types"), ConfigReader.field(match, "types"));
        for (int i = 0; i < types.size(); i++) {
            r.oneOf(types.get(i), ConfigReader.index(match + ".types", i), Colour.class, null);
        }
        r.duration(subs.get(0).get("wait"), "subscriptions[0].wait", Duration.ZERO);

        assertThat(problems()).containsExactly(
                "subscriptions[0].match.types[2]: must be one of RED, DARK_BLUE (was 'GREEN')",
                "subscriptions[0].wait: must be a duration such as 30s, 15m, 1h or 7d (was 'soon')");
        assertThatThrownBy(() -> r.throwIfInvalid("VIGIA_X_FILE x.yaml"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("""
                        VIGIA_X_FILE x.yaml is invalid (2 problems):
                          subscriptions[0].match.types[2]: must be one of RED, DARK_BLUE (was 'GREEN')
                          subscriptions[0].wait: must be a duration such as 30s, 15m, 1h or 7d (was 'soon')""");
    }

    @Test
    void aSoundFileThrowsNothing() {
        JsonNode root = yaml("name: ' Fundar '\nevery: 15m\n");
        assertThat(r.requiredText(root.get("name"), "name")).isEqualTo("Fundar");
        assertThat(r.duration(root.get("every"), "every", Duration.ZERO)).isEqualTo(Duration.ofMinutes(15));
        r.unknownFields(root, "", Set.of("name", "every"));
        r.throwIfInvalid("test file");
        assertThat(r.count()).isZero();
    }

    @Test
    void absentOptionalValuesTakeTheirDefaultsWithoutAViolation() {
        JsonNode root = yaml("nothing: ~\n");
        assertThat(r.optionalText(root.get("nothing"), "nothing", "d")).isEqualTo("d");
        assertThat(r.duration(root.get("gone"), "gone", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(r.intInRange(root.get("gone"), "gone", 7, 1, 10)).isEqualTo(7);
        assertThat(r.positiveNumber(root.get("gone"), "gone", 1.5)).isEqualTo(1.5);
        assertThat(r.oneOf(root.get("nothing"), "nothing", Colour.class, Colour.RED)).isEqualTo(Colour.RED);
        assertThat(r.list(root.get("gone"), "gone")).isEmpty();
        assertThat(r.texts(root.get("gone"), "gone")).isEmpty();
        assertThat(r.violations()).isEmpty();
    }

    @Test
    void textsAreRequiredTrimmedAndScalar() {
        JsonNode root = yaml("blank: '  '\nlist: [a]\nok: ' x '\n");
        assertThat(r.requiredText(root.get("missing"), "missing")).isEmpty();
        r.requiredText(root.get("blank"), "blank");
        r.optionalText(root.get("list"), "list", "");
        assertThat(r.optionalText(root.get("ok"), "ok", "")).isEqualTo("x");
        assertThat(problems()).containsExactly("missing: is required", "blank: is required", "list: must be a text, not a list");
    }

    @Test
    void numbersKeepToTheirRanges() {
        JsonNode root = yaml("a: 5\nb: 11\nc: '5'\nd: 2.5\ne: 0\nf: high\n");
        assertThat(r.intInRange(root.get("a"), "a", 0, 1, 10)).isEqualTo(5);
        assertThat(r.intInRange(root.get("b"), "b", 0, 1, 10)).isZero();
        r.intInRange(root.get("c"), "c", 0, 1, 10);
        assertThat(r.positiveNumber(root.get("d"), "d", 1)).isEqualTo(2.5);
        r.positiveNumber(root.get("e"), "e", 1);
        r.positiveNumber(root.get("f"), "f", 1);
        assertThat(problems()).containsExactly(
                "b: must be a whole number from 1 to 10 (was '11')",
                "c: must be a whole number from 1 to 10 (was '5')",
                "e: must be a number greater than 0 (was '0')",
                "f: must be a number greater than 0 (was 'high')");
    }

    @Test
    void enumsMatchInAnyCaseAndListTheirSpelling() {
        JsonNode root = yaml("a: dark_blue\nb: green\n");
        assertThat(r.oneOf(root.get("a"), "a", Colour.class, null)).isEqualTo(Colour.DARK_BLUE);
        assertThat(r.oneOf(root.get("b"), "b", Colour.class, Colour.RED, ConfigReader::lowerCase)).isEqualTo(Colour.RED);
        assertThat(problems()).containsExactly("b: must be one of red, dark_blue (was 'green')");
    }

    @Test
    void listsMapsAndPatternsNameWhatIsWrong() {
        JsonNode root = yaml("""
                notList: x
                empty: []
                texts: [a, '', [b]]
                map: {}
                hash: 123
                quoted: "123"
                extra: 1
                """);
        r.requiredList(root.get("absent"), "absent");
        r.list(root.get("notList"), "notList");
        r.nonEmptyList(root.get("empty"), "empty");
        assertThat(r.texts(root.get("texts"), "texts")).containsExactly("a");
        r.nonEmptyMap(root.get("map"), "map");
        Pattern digits = Pattern.compile("[0-9]+");
        r.matching(root.get("hash"), "hash", digits, "must be digits in quotes");
        assertThat(r.matching(root.get("quoted"), "quoted", digits, "must be digits in quotes")).isEqualTo("123");
        r.unknownFields(root, "", Set.of("notList", "empty", "texts", "map", "hash", "quoted"));
        assertThat(problems()).containsExactly(
                "absent: must be a list",
                "notList: must be a list",
                "empty: must be a non-empty list",
                "texts[1]: must be a non-empty text",
                "texts[2]: must be a non-empty text",
                "map: must be a non-empty mapping",
                "hash: must be digits in quotes",
                "extra: is not a known field (expected one of empty, hash, map, notList, quoted, texts)");
    }

    @Test
    void theFileItselfIsNamedWhenItIsNotYamlOrCannotBeRead(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ConfigReader.readYaml("a: [", "VIGIA_X_FILE x.yaml"))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("VIGIA_X_FILE x.yaml is not valid YAML: ");
        assertThatThrownBy(() -> ConfigReader.readYaml(dir.resolve("absent.yaml"), "VIGIA_X_FILE absent.yaml"))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("VIGIA_X_FILE absent.yaml cannot be read");
        assertThat(ConfigReader.readYaml(Files.writeString(dir.resolve("empty.yaml"), ""), "empty").isMissingNode()).isTrue();
    }
}
