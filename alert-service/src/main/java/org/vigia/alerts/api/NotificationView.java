package org.vigia.alerts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.notification.Recipient;

/**
 * One entry of the delivery log as the API shows it: no email address, each recipient named
 * by the digest the log keeps.
 *
 * @param closedAt when it stopped being pending (sent, failed, silenced or dropped)
 * @param messageId the Message-ID of the (last) email that carried it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(String key, String subscriber, String alertId, String type, String kind, String status,
                               String severity, Integer reminder, String delivery, String state, Instant receivedAt,
                               Instant dueAt, Instant closedAt, String messageId, String reason, String agency,
                               String commitmentId, List<RecipientView> recipients) {

    /** Newest first: by when it closed (or arrived, while pending), then by key. */
    public static final Comparator<NotificationView> NEWEST_FIRST = Comparator
            .comparing((NotificationView v) -> v.closedAt() != null ? v.closedAt() : v.receivedAt())
            .thenComparing(NotificationView::key).reversed();

    /** One recipient's copy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecipientView(String recipient, String state, int attempts, Instant retryAt, Instant at, String messageId,
                                String reason) {
    }

    public static NotificationView of(Notification n) {
        List<RecipientView> recipients = n.recipients().stream().map(NotificationView::recipient).toList();
        String messageId = n.recipients().stream().map(Recipient::messageId).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        return new NotificationView(n.key(), n.subscriber(), n.alertId(), n.alert().type().name(), lower(n.kind().name()),
                n.kind() == NotificationKind.RESOLVED ? "RESOLVED" : "FIRING", n.severity().name(),
                n.kind() == NotificationKind.REMINDER ? n.sequence() : null, lower(n.delivery().name()), lower(n.state().name()),
                n.receivedAt(), n.dueAt(), n.doneAt(), messageId, n.reason(), n.alert().agency(), n.alert().commitmentId(),
                recipients);
    }

    private static RecipientView recipient(Recipient r) {
        return new RecipientView(r.id(), lower(r.state().name()), r.attempts(), r.retryAt(), r.doneAt(), r.messageId(), r.reason());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
