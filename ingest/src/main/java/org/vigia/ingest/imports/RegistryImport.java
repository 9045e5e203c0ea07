package org.vigia.ingest.imports;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a registry import knows beyond the file: the agency table for institution names, and
 * the plan's period for rows that carry no dates of their own (OGP's sheets have none per
 * commitment: a commitment runs the plan's two years).
 *
 * @param agencies  institution name → agency code ({@code --agencies})
 * @param planStart start date of rows without one ({@code --plan-start})
 * @param planEnd   due date of rows without one ({@code --plan-end})
 */
public record RegistryImport(AgencyTable agencies, Optional<LocalDate> planStart, Optional<LocalDate> planEnd) {

    public RegistryImport {
        if (planStart.isPresent() && planEnd.isPresent() && planEnd.get().isBefore(planStart.get())) {
            throw new IllegalArgumentException("--plan-end " + planEnd.get() + " is before --plan-start " + planStart.get());
        }
    }

    public static RegistryImport plain() {
        return new RegistryImport(AgencyTable.empty(), Optional.empty(), Optional.empty());
    }
}
