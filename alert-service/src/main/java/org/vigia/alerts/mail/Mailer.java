package org.vigia.alerts.mail;

/** Sends one email or says why it could not. */
public interface Mailer {

    void send(Email email) throws MailFailure;
}
