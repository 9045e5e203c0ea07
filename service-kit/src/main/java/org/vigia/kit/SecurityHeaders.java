package org.vigia.kit;

import io.javalin.http.Context;

/**
 * The headers every response of every Vigía HTTP service carries, set before the route runs
 * so that error answers (400, 401, 404, 413, 429, 500) have them too. A route may replace
 * one for its own content: the control panel sets its own policy and caching.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: a JSON answer is never run as a script;</li>
 *   <li>{@code Referrer-Policy: no-referrer}: links out of the panel do not leak its URLs;</li>
 *   <li>{@code X-Frame-Options: DENY} and {@code frame-ancestors 'none'}: no page is framed
 *       (clickjacking);</li>
 *   <li>{@code Content-Security-Policy}: {@link #CONTENT_SECURITY_POLICY}, scripts, styles,
 *       images and API calls from the service's own origin only (the control panel's page,
 *       script, style sheet and query API), images also as {@code data:} URLs, inline
 *       {@code style} attributes allowed (the panel's bars are sized by them), no plugins, no
 *       {@code <base>} rewriting, forms only to the same origin;</li>
 *   <li>{@code Cache-Control: no-store}: API answers are live data and, for the delivery log,
 *       not public; a page that may be cached says so itself.</li>
 * </ul>
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
    }
}
