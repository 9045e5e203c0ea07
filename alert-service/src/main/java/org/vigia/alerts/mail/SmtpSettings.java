package org.vigia.alerts.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.vigia.kit.Env;
import org.vigia.kit.SettingsException;

/**
 * How to reach the SMTP server. The password is never part of {@link #toString()}.
 *
 * @param startTls when true the connection must be upgraded with STARTTLS before anything is sent; with a
 *                 user name it must be true unless {@code SMTP_ALLOW_PLAINTEXT_AUTH=true}, so credentials
 *                 never cross the network in clear text by mistake
 * @param initialBackoff first retry delay after a failed send; doubled on each failure up to {@code maxBackoff}
 */
public record SmtpSettings(
        String host,
        int port,
        Optional<String> username,
        Optional<String> password,
        boolean startTls,
        InternetAddress from,
        Duration timeout,
        Duration initialBackoff,
        Duration maxBackoff) {

    public static SmtpSettings from(Env env) {
        int port = env.integer("SMTP_PORT", 25, 1, 65535);
        Optional<String> username = env.optional("SMTP_USERNAME");
        Optional<String> password = env.optional("SMTP_PASSWORD");
        if (username.isPresent() != password.isPresent()) {
            throw new SettingsException("SMTP_USERNAME and SMTP_PASSWORD must be set together");
        }
        boolean startTls = env.bool("SMTP_STARTTLS", port == 587);
        if (username.isPresent() && !startTls && !env.bool("SMTP_ALLOW_PLAINTEXT_AUTH", false)) {
            throw new SettingsException("SMTP_USERNAME is set but SMTP_STARTTLS is false: the password would cross the "
                    + "network in clear text. Set SMTP_STARTTLS=true, or SMTP_ALLOW_PLAINTEXT_AUTH=true if the link is "
                    + "otherwise protected");
        }
        Duration initial = env.duration("VIGIA_SMTP_INITIAL_BACKOFF", Duration.ofSeconds(1));
        Duration max = env.duration("VIGIA_SMTP_MAX_BACKOFF", Duration.ofMinutes(5));
        if (initial.isZero() || max.compareTo(initial) < 0) {
            throw new SettingsException("VIGIA_SMTP_MAX_BACKOFF must be at least VIGIA_SMTP_INITIAL_BACKOFF, and both longer than zero");
        }
        return new SmtpSettings(
                env.string("SMTP_HOST", "localhost"),
                port,
                username,
                password,
                startTls,
                from(env.string("SMTP_FROM", "Vigía <alertas@vigia.example>")),
                env.duration("SMTP_TIMEOUT", Duration.ofSeconds(10)),
                initial,
                max);
    }

    /** Plain SMTP without authentication, as tests and the local mail sink use. */
    public static SmtpSettings plain(String host, int port, Duration initialBackoff, Duration maxBackoff) {
        return new SmtpSettings(host, port, Optional.empty(), Optional.empty(), false,
                from("Vigía <alertas@vigia.example>"), Duration.ofSeconds(10), initialBackoff, maxBackoff);
    }

    static InternetAddress from(String text) {
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            // Re-encode the display name so "Vigía" survives as RFC 2047 UTF-8.
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new SettingsException("SMTP_FROM must be an address such as \"Vigía <alertas@vigia.example>\"");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", auth=" + username.isPresent() + ", startTls=" + startTls + "]";
    }
}
