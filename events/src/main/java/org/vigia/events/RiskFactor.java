package org.vigia.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The six factors the Mexico 2013–2015 case study found decisive for delivery. */
public enum RiskFactor {
    @JsonProperty("constitutionalLimits") CONSTITUTIONAL_LIMITS,
    @JsonProperty("csoCooperation") CSO_COOPERATION,
    @JsonProperty("issueSensitivity") ISSUE_SENSITIVITY,
    @JsonProperty("politicalLeadership") POLITICAL_LEADERSHIP,
    @JsonProperty("dataAvailability") DATA_AVAILABILITY,
    @JsonProperty("budgetConstraints") BUDGET_CONSTRAINTS
}
