package org.vigia.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bearer tokens from the tokens file (YAML), which stores only each token's SHA-256 (hex)
 * and its principal. Look-ups compare digests in constant time and never log a token.
 */
public final class TokenStore {
    private record Entry(byte[] sha256, Principal principal) {
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final List<Entry> entries;

    private TokenStore(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static TokenStore empty() {
        return new TokenStore(List.of());
    }

    /** Reads the tokens file; every malformed entry is reported at once, with its index. */
    public static TokenStore load(Path file) {
        String what = "VIGIA_TOKENS_FILE " + file.getFileName();
        return parse(ConfigReader.readYaml(file, what), what);
    }

    static TokenStore parse(JsonNode root, String what) {
        ConfigReader r = new ConfigReader();
        List<Entry> entries = new ArrayList<>();
        List<JsonNode> tokens = r.requiredList(root.path("tokens"), "tokens");
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode t = tokens.get(i);
            String at = ConfigReader.index("tokens", i);
            // Quoted in the file: an unquoted all-digit hash would read as a YAML number.
            String hash = r.matching(t.path("sha256"), at + ".sha256", SHA256, "must be 64 hex digits in quotes");
            Principal principal = null;
            try {
                principal = Principal.parse(t.path("principal").asText(null));
            } catch (IllegalArgumentException e) {
                // Principal's messages start with the word "principal", which the path already says.
                r.reject(at + ".principal", e.getMessage().replaceFirst("^principal ", ""));
            }
            if (!hash.isEmpty() && principal != null) {
                entries.add(new Entry(HexFormat.of().parseHex(hash.toLowerCase(Locale.ROOT)), principal));
            }
        }
        r.throwIfInvalid(what);
        return new TokenStore(entries);
    }

    /** The principal of a presented token; every entry is compared so timing does not leak which matched. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(token);
        Principal found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(digest, e.sha256()) && found == null) {
                found = e.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The principal behind an {@code Authorization: Bearer …} header value. */
    public Optional<Principal> authenticateHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return authenticate(authorization.substring(7).trim());
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new random token (256 bits, URL-safe) and the line to add to the tokens file. */
    public static String[] mint(Principal principal) {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String line = "  - sha256: \"" + HexFormat.of().formatHex(sha256(token)) + "\"\n    principal: " + principal;
        return new String[] {token, line};
    }
}
