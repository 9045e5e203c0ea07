package org.vigia.alerts.api;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import org.vigia.kit.Principal;
import org.vigia.kit.RequestGuard;
import org.vigia.kit.RequestRefused;

/**
 * Who may use the alert service's API, and what each caller may see. Everything in it says
 * which CSO watches whom and when it was told, so every endpoint needs a bearer token:
 * {@code admin} sees and changes everything; {@code cso:<id>} only what concerns its own
 * subscription. The token and role checks (401, 403 for other roles) are the kit's
 * {@link RequestGuard}, as in every service; the "own subscription only" rule is the alert
 * service's own and lives here. Every refusal is a {@link RequestRefused}, answered by the
 * handler the kit's HTTP server registers.
 */
public final class SubscriberScope {
    private static final Set<Principal.Role> CALLERS = Set.of(Principal.Role.ADMIN, Principal.Role.CSO);

    private final RequestGuard guard;

    public SubscriberScope(RequestGuard guard) {
        this.guard = guard;
    }

    /** The caller, an admin or a CSO. */
    public Principal caller(Context ctx) {
        return guard.authenticate(ctx, CALLERS);
    }

    /** A write's body, once the caller may write: JSON (else 415) within the body limit (else 413), as in every service. */
    public byte[] jsonBody(Context ctx) {
        return guard.jsonBody(ctx);
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
            throw RequestRefused.forbidden("a cso:" + own + " token may see only its own subscription");
        }
        return own;
    }
}
