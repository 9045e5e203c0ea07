package org.vigia.processor.query;

/** The answer cannot be assembled right now (a rebalance, an instance not answering): HTTP 503. */
public class QueryUnavailableException extends RuntimeException {
    public QueryUnavailableException(String message) {
        super(message);
    }

    public QueryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
