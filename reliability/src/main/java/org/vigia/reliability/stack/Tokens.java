package org.vigia.reliability.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/**
 * Real tokens for a run: minted with the services' own {@link TokenStore#mint}, their hashes
 * written to the tokens file the services read; the plain tokens stay in this object only.
 */
public final class Tokens {
    private final Path file;
    private final Map<String, String> byPrincipal;

    private Tokens(Path file, Map<String, String> byPrincipal) {
        this.file = file;
        this.byPrincipal = Map.copyOf(byPrincipal);
    }

    public static Tokens mint(Collection<String> principals, Path file) {
        StringBuilder yaml = new StringBuilder("tokens:\n");
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String p : principals) {
            String[] minted = TokenStore.mint(Principal.parse(p));
            tokens.put(Principal.parse(p).toString(), minted[0]);
            yaml.append(minted[1]).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tokens(file, tokens);
    }

    public Path file() {
        return file;
    }

    public String of(String principal) {
        String t = byPrincipal.get(principal);
        if (t == null) {
            throw new IllegalArgumentException("no token was minted for " + principal);
        }
        return t;
    }

    public Optional<String> find(String principal) {
        return Optional.ofNullable(byPrincipal.get(principal));
    }

    /** Every plain token, for the log scan. */
    public Collection<String> all() {
        return byPrincipal.values();
    }
}
