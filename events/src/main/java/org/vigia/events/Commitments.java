package org.vigia.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Commitment} by naming its fields, for tests, benchmarks and generated plans:
 * {@code Commitments.of("PGR-1", "PGR", "justice-security").plan("mx-2013").runs(start, due).milestone("m1", 1).build()}.
 * Country {@code MX}, origin {@code CO_CREATED} and the title {@code "Commitment <id>"} are the
 * defaults. A new field of the record is added here once instead of at every call site.
 * {@link #build()} does not validate; the registry's validation stays {@link Commitment#violations()}.
 */
public final class Commitments {
    private final String id;
    private String planId = "mx-2013";
    private String country = "MX";
    private String title;
    private final String agency;
    private final String sector;
    private String leadCso;
    private Origin origin = Origin.CO_CREATED;
    private LocalDate startDate;
    private LocalDate dueDate;
    private Integer stallAfterDays;
    private final List<Milestone> milestones = new ArrayList<>();
    private final Map<RiskFactor, RiskLevel> riskFactors = new EnumMap<>(RiskFactor.class);
    private List<LocalDate> cutoffs;

    private Commitments(String id, String agency, String sector) {
        this.id = id;
        this.agency = agency;
        this.sector = sector;
        this.title = "Commitment " + id;
    }

    public static Commitments of(String id, String agency, String sector) {
        return new Commitments(id, agency, sector);
    }

    public Commitments plan(String value) {
        this.planId = value;
        return this;
    }

    public Commitments country(String value) {
        this.country = value;
        return this;
    }

    public Commitments title(String value) {
        this.title = value;
        return this;
    }

    public Commitments leadCso(String value) {
        this.leadCso = value;
        return this;
    }

    public Commitments origin(Origin value) {
        this.origin = value;
        return this;
    }

    /** The commitment's period: from {@code start} to the end of {@code due}. */
    public Commitments runs(LocalDate start, LocalDate due) {
        this.startDate = start;
        this.dueDate = due;
        return this;
    }

    public Commitments stallAfterDays(Integer days) {
        this.stallAfterDays = days;
        return this;
    }

    /** Adds a milestone titled {@code "Milestone <id>"}, without a due date of its own. */
    public Commitments milestone(String milestoneId, double weight) {
        return milestone(new Milestone(milestoneId, "Milestone " + milestoneId, weight, null));
    }

    public Commitments milestone(Milestone m) {
        milestones.add(m);
        return this;
    }

    public Commitments milestones(List<Milestone> ms) {
        milestones.addAll(ms);
        return this;
    }

    public Commitments risk(RiskFactor factor, RiskLevel level) {
        riskFactors.put(factor, level);
        return this;
    }

    public Commitments risks(Map<RiskFactor, RiskLevel> risks) {
        if (risks != null) {
            riskFactors.putAll(risks);
        }
        return this;
    }

    public Commitments cutoffs(List<LocalDate> days) {
        this.cutoffs = days;
        return this;
    }

    public Commitment build() {
        // The record copies the lists and the map and gives an empty map for no risk factors.
        return new Commitment(id, planId, country, title, agency, sector, leadCso, origin, startDate, dueDate,
                stallAfterDays, milestones, riskFactors, cutoffs);
    }
}
