package org.vigia.kit;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigia.events.Violation;

/**
 * A request the service will not serve, with the HTTP status, the message and the headers the
 * answer needs (such as {@code WWW-Authenticate} or {@code Retry-After}). Every service throws
 * this one type; {@link HttpServer} registers the one handler that answers it through
 * {@link ApiErrors}, so a refusal looks the same whichever service or check produced it.
 * Headers travel with the exception rather than being set on the context before the throw, so
 * whoever answers it (the registered handler or a service that counts refusals first) sends
 * them all.
 */
public class RequestRefused extends RuntimeException {
    private final int status;
    private final transient List<Violation> violations;
    private final transient Map<String, String> headers;

    public RequestRefused(int status, String message, List<Violation> violations, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    public RequestRefused(int status, String message, List<Violation> violations) {
        this(status, message, violations, Map.of());
    }

    public RequestRefused(int status, String message) {
        this(status, message, List.of(), Map.of());
    }

    /** A 403: the caller is known but may not do this. */
    public static RequestRefused forbidden(String message) {
        return new RequestRefused(403, message);
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Sends the refusal: its headers, then the JSON error body of {@link ApiErrors}. */
    public void answer(Context ctx) {
        headers.forEach(ctx::header);
        ApiErrors.respond(ctx, status, getMessage(), violations);
    }
}
