package org.vigia.ingest.kafka;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.vigia.kit.Env;
import org.vigia.kit.SettingsException;

/**
 * Which ingest this is, for its transactional ids: {@code VIGIA_INSTANCE_ID}, or the host
 * name when unset. It must stay the same across restarts of one instance (so the restart
 * fences what the crashed predecessor left open) and differ between instances that run at
 * the same time: one per container, pod or StatefulSet ordinal ({@code ingest-0},
 * {@code ingest-1}, …).
 */
public final class InstanceId {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private InstanceId() {
    }

    public static String from(Env env) {
        String id = env.optional("VIGIA_INSTANCE_ID").orElseGet(InstanceId::hostName);
        if (!VALID.matcher(id).matches()) {
            throw new SettingsException("VIGIA_INSTANCE_ID must match " + VALID.pattern() + ", was '" + id + "'");
        }
        return id;
    }

    /** From the process environment, for callers that have no {@link Env} (the local stack's replay). */
    public static String current() {
        return from(Env.system());
    }

    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
            return name.isEmpty() ? "ingest" : name.substring(0, Math.min(64, name.length()));
        } catch (UnknownHostException e) {
            return "ingest";
        }
    }
}
