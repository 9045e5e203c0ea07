package org.vigia.events;

public enum RiskLevel { LOW, MEDIUM, HIGH }
