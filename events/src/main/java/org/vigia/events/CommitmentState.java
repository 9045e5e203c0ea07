package org.vigia.events;

/** Listed in precedence order: a commitment's state is the first that applies. */
public enum CommitmentState { COMPLETED, OVERDUE, STALLED, AT_RISK, NOT_STARTED, ON_TRACK }
