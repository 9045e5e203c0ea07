package org.vigia.kit;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks an API request passes before its body is even parsed, the same in every service:
 * a known bearer token (401, with the {@code WWW-Authenticate} challenge of RFC 6750), the
 * caller's rate limit (429 with {@code Retry-After}), a role the endpoint allows (403), a JSON
 * content type (415) and a body within the size limit (413). They run in that order, so an
 * unknown caller learns nothing about the endpoint and a limited caller's body is never read.
 * Each failure is a {@link RequestRefused}. The token itself is never logged or echoed.
 *
 * <p>What a service decides beyond roles (which agency's commitment, which CSO's subscription)
 * stays in the service, which throws a {@link RequestRefused} of its own.
 */
public final class RequestGuard {
    private final TokenStore tokens;
    private final long maxBodyBytes;
    private final RateLimiter limiter;

    /** With a body limit and a rate limit per principal. */
    public RequestGuard(TokenStore tokens, long maxBodyBytes, RateLimiter limiter) {
        if (maxBodyBytes < 0 || maxBodyBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBodyBytes must be between 0 and " + (Integer.MAX_VALUE - 1)
                    + ", was " + maxBodyBytes);
        }
        this.tokens = tokens;
        this.maxBodyBytes = maxBodyBytes;
        this.limiter = limiter;
    }

    /** With the server's default body limit and no rate limit. */
    public RequestGuard(TokenStore tokens) {
        this(tokens, HttpServer.DEFAULT_MAX_BODY, RateLimiter.NONE);
    }

    /** The caller, whatever its role: 401 without a known token, 429 over its rate. */
    public Principal authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized("Bearer", "a bearer token is required (Authorization: Bearer <token>)");
        }
        Principal principal = tokens.authenticateHeader(header)
                .orElseThrow(() -> unauthorized("Bearer error=\"invalid_token\"", "the bearer token is not known"));
        long retryAfter = limiter.acquire(principal.toString());
        if (retryAfter > 0) {
            throw new RequestRefused(429, "too many requests for " + principal + ": at most " + limiter.perSecond()
                    + " a second (VIGIA_RATE_LIMIT); retry after " + retryAfter + " s", List.of(),
                    Map.of("Retry-After", String.valueOf(retryAfter)));
        }
        return principal;
    }

    /** The caller, once authenticated and of one of the {@code allowed} roles (else 403). */
    public Principal authenticate(Context ctx, Set<Principal.Role> allowed) {
        Principal principal = authenticate(ctx);
        if (!allowed.contains(principal.role())) {
            throw RequestRefused.forbidden("principal " + principal + " may not use " + ctx.method() + " " + ctx.path()
                    + " (allowed: " + allowed.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList() + ")");
        }
        return principal;
    }

    /**
     * The request body as bytes, once its type is JSON (415) and its size within the limit
     * (413). The size is checked twice: the declared {@code Content-Length} before anything is
     * read, and the bytes actually read, for a chunked body that declares nothing.
     */
    public byte[] jsonBody(Context ctx) {
        String type = ctx.header("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new RequestRefused(415, "Content-Type must be application/json (was "
                    + (type == null ? "absent" : "'" + type + "'") + ")");
        }
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static RequestRefused unauthorized(String challenge, String message) {
        return new RequestRefused(401, message, List.of(), Map.of("WWW-Authenticate", challenge));
    }

    private RequestRefused tooLarge() {
        return new RequestRefused(413, "the request body is larger than " + maxBodyBytes + " bytes");
    }
}
