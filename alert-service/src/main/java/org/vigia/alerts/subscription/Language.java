package org.vigia.alerts.subscription;

/** The language of a subscriber's emails. */
public enum Language { ES, EN }
