package org.vigia.events;

/** How a commitment came into the plan. */
public enum Origin { CO_CREATED, PROACTIVE }
