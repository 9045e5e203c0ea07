package org.vigia.ingest.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.vigia.ingest.api.Rejection.Reason;
import org.vigia.kit.Principal;
import org.vigia.kit.TokenStore;

/**
 * The checks every write request passes before its body is even parsed: a known bearer
 * token (401), the caller's rate limit (429 with {@code Retry-After}), the role the endpoint
 * needs (403), a JSON content type (415) and a body within the size limit (413). The token
 * itself is never logged or echoed.
 */
public final class RequestGuard {
    private final TokenStore tokens;
    private final int maxBodyBytes;
    private final RateLimiter limiter;

    public RequestGuard(TokenStore tokens, int maxBodyBytes, RateLimiter limiter) {
        this.tokens = tokens;
        this.maxBodyBytes = maxBodyBytes;
        this.limiter = limiter;
    }

    public Principal authenticate(Context ctx, Set<Principal.Role> allowed) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new Rejection(Reason.UNAUTHORIZED, "a bearer token is required (Authorization: Bearer <token>)");
        }
        Principal principal = tokens.authenticateHeader(header).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new Rejection(Reason.UNAUTHORIZED, "the bearer token is not known");
        });
        long retryAfter = limiter.acquire(principal.toString());
        if (retryAfter > 0) {
            ctx.header("Retry-After", String.valueOf(retryAfter));
            throw new Rejection(Reason.RATE_LIMITED, "too many requests for " + principal + ": at most "
                    + limiter.perSecond() + " a second (VIGIA_RATE_LIMIT); retry after " + retryAfter + " s");
        }
        if (!allowed.contains(principal.role())) {
            throw new Rejection(Reason.FORBIDDEN, "principal " + principal + " may not use " + ctx.method() + " " + ctx.path()
                    + " (allowed: " + allowed.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList() + ")");
        }
        return principal;
    }

    /** The request body as bytes, once its type is JSON and its size within the limit. */
    public byte[] jsonBody(Context ctx) {
        String type = ctx.header("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new Rejection(Reason.UNSUPPORTED_MEDIA, "Content-Type must be application/json (was "
                    + (type == null ? "absent" : "'" + type + "'") + ")");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private Rejection tooLarge() {
        return new Rejection(Reason.TOO_LARGE, "the request body is larger than " + maxBodyBytes + " bytes");
    }
}
