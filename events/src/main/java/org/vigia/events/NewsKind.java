package org.vigia.events;

public enum NewsKind { SCANDAL, LEADERSHIP_CHANGE, GENERAL }
