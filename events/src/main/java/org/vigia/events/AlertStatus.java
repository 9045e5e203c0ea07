package org.vigia.events;

public enum AlertStatus { FIRING, RESOLVED }
