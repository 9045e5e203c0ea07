package org.vigia.events;

import java.time.Instant;

/**
 * Builds a {@link ProgressUpdate} by naming its fields, for tests, benchmarks and generated
 * plans: {@code ProgressUpdates.agency("sct").id("sct-1").commitment("SCT-1").percent(40).at(t).build()}.
 * A new field of the record is added here once, with its default, instead of at every call
 * site. {@link #build()} does not validate, so a test can build a broken record on purpose;
 * the wire's validation stays {@link ProgressUpdate#violations()}.
 */
public final class ProgressUpdates {
    private String updateId;
    private String commitmentId;
    private String milestoneId;
    private Double percent;
    private IrmLevel level;
    private Source source;
    private String reporter;
    private Instant reportedAt;
    private String evidenceUrl;
    private String note;

    private ProgressUpdates(Source source, String reporter) {
        this.source = source;
        this.reporter = reporter;
    }

    /** A report by an agency; its reporter is the agency's name. */
    public static ProgressUpdates agency(String reporter) {
        return new ProgressUpdates(Source.AGENCY, reporter);
    }

    /** A report by a civil-society organisation. */
    public static ProgressUpdates cso(String reporter) {
        return new ProgressUpdates(Source.CSO, reporter);
    }

    /** A report by the Independent Reporting Mechanism, reporter {@code irm}. */
    public static ProgressUpdates irm() {
        return new ProgressUpdates(Source.IRM, "irm");
    }

    /** A report from {@code source}, by {@code reporter}; both may be null (before ingest stamps them). */
    public static ProgressUpdates by(Source source, String reporter) {
        return new ProgressUpdates(source, reporter);
    }

    /** Every field of {@code u}, to change a few. */
    public static ProgressUpdates from(ProgressUpdate u) {
        return by(u.source(), u.reporter()).id(u.updateId()).commitment(u.commitmentId()).milestone(u.milestoneId())
                .percent(u.percent()).level(u.level()).at(u.reportedAt()).evidence(u.evidenceUrl()).note(u.note());
    }

    /** Who reported; both null for a report as a caller posts it, before ingest stamps its origin. */
    public ProgressUpdates origin(Source newSource, String newReporter) {
        this.source = newSource;
        this.reporter = newReporter;
        return this;
    }

    public ProgressUpdates id(String value) {
        this.updateId = value;
        return this;
    }

    public ProgressUpdates commitment(String value) {
        this.commitmentId = value;
        return this;
    }

    public ProgressUpdates milestone(String value) {
        this.milestoneId = value;
        return this;
    }

    /** Completion in percent. A valid report gives this or {@link #level}, not both. */
    public ProgressUpdates percent(Double value) {
        this.percent = value;
        return this;
    }

    /** Completion on the IRM's scale. A valid report gives this or {@link #percent}, not both. */
    public ProgressUpdates level(IrmLevel value) {
        this.level = value;
        return this;
    }

    public ProgressUpdates at(Instant value) {
        this.reportedAt = value;
        return this;
    }

    public ProgressUpdates evidence(String url) {
        this.evidenceUrl = url;
        return this;
    }

    public ProgressUpdates note(String value) {
        this.note = value;
        return this;
    }

    public ProgressUpdate build() {
        return new ProgressUpdate(updateId, commitmentId, milestoneId, percent, level, source, reporter, reportedAt,
                evidenceUrl, note);
    }
}
