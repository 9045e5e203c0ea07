package org.vigia.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @Test
    void aMintedTokenAuthenticatesAsItsPrincipalThroughTheFileLine(@TempDir Path dir) throws Exception {
        String[] minted = TokenStore.mint(Principal.parse("agency:SCT"));
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, "tokens:\n" + minted[1] + "\n");

        TokenStore store = TokenStore.load(file);

        assertThat(store.authenticateHeader("Bearer " + minted[0])).contains(new Principal(Principal.Role.AGENCY, "SCT"));
        assertThat(store.authenticateHeader("Bearer " + minted[0] + "x")).isEmpty();
        assertThat(store.authenticateHeader(minted[0])).isEmpty();
        assertThat(store.authenticateHeader(null)).isEmpty();
        assertThat(Files.readString(file)).doesNotContain(minted[0]);
    }

    @Test
    void theDesignExampleHashIsTheSha256OfPassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, """
                tokens:
                  - sha256: 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8
                    principal: agency:SCT
                  - sha256: "0000000000000000000000000000000000000000000000000000000000000000"
                    principal: admin
                """);
        assertThat(TokenStore.load(file).authenticate("password")).contains(Principal.parse("agency:SCT"));
    }

    @Test
    void anUnquotedNumericHashIsRejectedRatherThanMisread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, "tokens:\n  - sha256: " + "1".repeat(64) + "\n    principal: admin\n");
        assertThatThrownBy(() -> TokenStore.load(file)).hasMessageContaining("tokens[0].sha256: must be 64 hex digits in quotes");
    }

    @Test
    void malformedEntriesNameTheIndexAndTheRule(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, "tokens:\n  - sha256: abc\n    principal: admin\n");
        assertThatThrownBy(() -> TokenStore.load(file)).hasMessageContaining("tokens[0].sha256: must be 64 hex digits");

        Files.writeString(file, "tokens:\n  - sha256: " + "a".repeat(64) + "\n    principal: mayor:X\n");
        assertThatThrownBy(() -> TokenStore.load(file)).hasMessageContaining("tokens[0].principal: must be admin");

        Files.writeString(file, "nothing: here\n");
        assertThatThrownBy(() -> TokenStore.load(file)).hasMessageContaining("tokens: must be a list");
    }

    @Test
    void twoMistakesInOneFileAreBothReportedWithTheFileNameAndNoEntryIsLoaded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, """
                tokens:
                  - sha256: "%s"
                    principal: admin
                  - sha256: "abc"
                    principal: agency:SCT
                  - sha256: "%s"
                    principal: "agency:"
                """.formatted("a".repeat(64), "b".repeat(64)));

        assertThatThrownBy(() -> TokenStore.load(file))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("VIGIA_TOKENS_FILE tokens.yaml is invalid (2 problems):")
                .hasMessageContaining("\n  tokens[1].sha256: must be 64 hex digits in quotes")
                .hasMessageContaining("\n  tokens[2].principal: agency needs a name after ':'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tokens[0]"));
    }

    @Test
    void anEmptyListIsAValidFileThatAdmitsNobody(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tokens.yaml"), "tokens: []\n");
        assertThat(TokenStore.load(file).authenticate("password")).isEmpty();
    }

    @Test
    void principalsParseAndPrintInTheFileSyntax() {
        assertThat(Principal.parse("cso:CIDAC").toString()).isEqualTo("cso:CIDAC");
        assertThat(Principal.parse("irm").role()).isEqualTo(Principal.Role.IRM);
        assertThatThrownBy(() -> Principal.parse("agency:")).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> Principal.parse("admin:root")).hasMessageContaining("takes no name");
    }
}
