package org.vigia.alerts.api;

/** A request without a valid token (401) or from a principal that may not do this (403). */
public final class AccessDenied extends RuntimeException {
    private final int status;

    private AccessDenied(int status, String message) {
        super(message);
        this.status = status;
    }

    public static AccessDenied unauthenticated(String message) {
        return new AccessDenied(401, message);
    }

    public static AccessDenied forbidden(String message) {
        return new AccessDenied(403, message);
    }

    public int status() {
        return status;
    }
}
