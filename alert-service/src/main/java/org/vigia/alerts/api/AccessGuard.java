package org.vigia.alerts.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import org.vigia.kit.ApiErrors;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/**
 * Who may use the alert service's API. Everything in it says which CSO watches whom and when
 * it was told, so every endpoint needs a bearer token: {@code admin} sees and changes
 * everything; {@code cso:<id>} only what concerns its own subscription. Other principals are
 * refused (403), a missing or unknown token is a 401. Failures are thrown as {@link AccessDenied}
 * and answered by the handler {@link #register} installs.
 */
public final class AccessGuard {
    private final TokenStore tokens;

    public AccessGuard(TokenStore tokens) {
        this.tokens = tokens;
    }

    public static void register(RoutesConfig routes) {
        routes.exception(AccessDenied.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            ApiErrors.respond(ctx, e.status(), e.getMessage());
        });
    }

    /** The caller, an admin or a CSO. */
    public Principal caller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw AccessDenied.unauthenticated("a bearer token is required (Authorization: Bearer <token>)");
        }
        Principal p = tokens.authenticateHeader(header)
                .orElseThrow(() -> AccessDenied.unauthenticated("the bearer token is not known"));
        if (p.role() != Principal.Role.ADMIN && p.role() != Principal.Role.CSO) {
            throw AccessDenied.forbidden("only admin and cso:<subscription> tokens may use the alert service's API (was " + p + ")");
        }
        return p;
    }

    /** The subscription a CSO token speaks for; null for an admin, who speaks for all. */
    public static String ownSubscriber(Principal p) {
        return p.role() == Principal.Role.CSO ? p.name().toLowerCase(Locale.ROOT) : null;
    }

    /**
     * The subscriber a request may concern: what it asks for, which for a CSO must be its own
     * (absent means its own).
     */
    public static String subscriberFor(Principal p, String requested) {
        String own = ownSubscriber(p);
        if (own == null) {
            return requested;
        }
        if (requested != null && !requested.equalsIgnoreCase(own)) {
            throw AccessDenied.forbidden("a cso:" + own + " token may see only its own subscription");
        }
        return own;
    }
}
