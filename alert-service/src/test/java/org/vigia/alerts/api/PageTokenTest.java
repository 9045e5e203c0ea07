package org.vigia.alerts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.vigia.events.ValidationException;

class PageTokenTest {
    @Test
    void aTokenIsUrlSafeAndGivesBackTheKeyItContinuesAfter() {
        String key = "obs-sct|stall-SCT-01:e1/2026|FIRING|CRITICAL";
        String token = PageToken.after(key);
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(PageToken.keyOf(token)).isEqualTo(key);
        assertThat(PageToken.keyOf(PageToken.after("observatorio-ñandú|a|RESOLVED"))).isEqualTo("observatorio-ñandú|a|RESOLVED");
    }

    @Test
    void somethingThatIsNotBase64IsA400NamingAfter() {
        assertRefused("not a token!");
        assertRefused("");
    }

    @Test
    void base64ThatIsNotOneOfOurTokensIsA400NamingAfter() {
        assertRefused(b64("obs-sct|a|FIRING|WARNING"));
        assertRefused(b64("v2:obs-sct|a|FIRING|WARNING"));
        assertRefused(b64("v1:no-bar-in-it"));
        assertRefused(b64("v1:|starts-with-the-bar"));
        assertRefused(Base64.getUrlEncoder().encodeToString(new byte[] {'v', '1', ':', 'a', '|', (byte) 0xC3}));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String token) {
        assertThatThrownBy(() -> PageToken.keyOf(token)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("after");
                assertThat(v.rule()).contains("page token").contains("Link rel=\"next\"");
            });
        });
    }
}
