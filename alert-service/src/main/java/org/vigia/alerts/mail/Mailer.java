package org.vigia.alerts.mail;

/** Sends one email and says, for each recipient, whether the SMTP server took it. */
public interface Mailer {

    SendReport send(Email email);
}
