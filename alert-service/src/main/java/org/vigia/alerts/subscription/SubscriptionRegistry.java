package org.vigia.alerts.subscription;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.kit.SettingsException;

/**
 * The subscriptions in force. {@link #reloadIfChanged()} (called every few seconds) re-reads
 * the file when its content hash changes; an invalid version is reported in the log and the
 * {@code vigia.subscriptions.reloads{result=invalid}} counter, and the last good one stays in
 * force. Comparing content rather than modification time catches edits within the same second
 * and ignores a {@code touch}.
 */
public final class SubscriptionRegistry {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionRegistry.class);

    private final Optional<Path> file;
    private final AtomicReference<Subscriptions> current = new AtomicReference<>(Subscriptions.NONE);
    private final Counter reloadOk;
    private final Counter reloadInvalid;
    private volatile String lastHash = "";

    public SubscriptionRegistry(Optional<Path> file, MeterRegistry registry) {
        this.file = file;
        this.reloadOk = Counter.builder("vigia.subscriptions.reloads").tag("result", "ok")
                .description("Subscription file loads").register(registry);
        this.reloadInvalid = Counter.builder("vigia.subscriptions.reloads").tag("result", "invalid")
                .description("Subscription file loads").register(registry);
        Gauge.builder("vigia.subscriptions.loaded", current, c -> c.get().size())
                .description("Subscriptions in force").register(registry);
    }

    /** Loads the file at start-up; an invalid file stops the service with the violations. */
    public void loadInitial() {
        if (file.isEmpty()) {
            log.warn("VIGIA_SUBSCRIPTIONS_FILE is not set: no subscriptions, no email will be sent");
            return;
        }
        if (!reloadIfChanged()) {
            throw new SettingsException("VIGIA_SUBSCRIPTIONS_FILE " + file.get().getFileName() + " is invalid (see log)");
        }
    }

    /**
     * Re-reads the file if its content changed.
     *
     * @return false when the new content is invalid (the previous subscriptions stay), true otherwise
     */
    public boolean reloadIfChanged() {
        if (file.isEmpty()) {
            return true;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.get());
        } catch (IOException e) {
            log.error("cannot read subscriptions file {}: {}; keeping the {} subscription(s) in force",
                    file.get().getFileName(), e.getMessage(), current.get().size());
            reloadInvalid.increment();
            return false;
        }
        String hash = sha256(bytes);
        if (hash.equals(lastHash)) {
            return true;
        }
        lastHash = hash;
        try {
            Subscriptions loaded = SubscriptionsParser.parse(new String(bytes, StandardCharsets.UTF_8),
                    "VIGIA_SUBSCRIPTIONS_FILE " + file.get().getFileName());
            current.set(loaded);
            reloadOk.increment();
            log.info("loaded {} subscription(s) from {}", loaded.size(), file.get().getFileName());
            return true;
        } catch (SettingsException e) { // the message names the file and lists every problem, one per line
            reloadInvalid.increment();
            log.error("keeping the {} subscription(s) in force: {}", current.get().size(), e.getMessage());
            if (reloadOk.count() == 0) { // nothing good to fall back on: start-up fails
                throw e;
            }
            return false;
        }
    }

    public Subscriptions current() {
        return current.get();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
