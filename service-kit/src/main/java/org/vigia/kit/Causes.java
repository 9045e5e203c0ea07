package org.vigia.kit;

/**
 * The innermost cause of an exception, the one every service names to its operators: clients
 * (Kafka's, Jakarta Mail's) wrap what went wrong in exceptions of their own.
 */
public final class Causes {
    private Causes() {
    }

    /** The last throwable of {@code e}'s cause chain; {@code e} itself when it has no cause. */
    public static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
