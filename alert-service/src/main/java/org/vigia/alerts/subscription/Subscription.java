package org.vigia.alerts.subscription;

import java.util.List;

/**
 * One subscriber (usually a civil-society organisation) and what it wants to hear about.
 *
 * @param id short stable identifier used in the notification log, silences and tokens
 *           ({@code cso:<id>}); derived from the name when the file does not give one
 * @param emails never logged
 */
public record Subscription(String id, String name, List<String> emails, Language language, Matchers match,
                           Delivery delivery) {

    public Subscription {
        emails = List.copyOf(emails);
    }

    @Override
    public String toString() {
        return "Subscription[" + id + ", " + emails.size() + " address(es), " + language + ", " + delivery + "]";
    }
}
