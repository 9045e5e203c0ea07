package org.vigia.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the wire contract, one broken at a time on an otherwise valid record:
 * the error must name the field and the rule.
 */
class ValidationRulesTest {

    static Stream<Arguments> brokenRecords() {
        return Stream.of(brokenCommitments(), brokenProgressUpdates(), brokenNewsAndTicks(), brokenOutputs())
                .flatMap(rows -> rows);
    }

    private static Stream<Arguments> brokenCommitments() {
        String c = Fixtures.COMMITMENT;
        return Stream.of(
                row(Commitment.class, c, "id", null, "id", "is required"),
                row(Commitment.class, c, "id", "\"has space\"", "id", "must match"),
                row(Commitment.class, c, "id", "\"" + "x".repeat(65) + "\"", "id", "must match"),
                row(Commitment.class, c, "planId", null, "planId", "is required"),
                row(Commitment.class, c, "country", "\"XX\"", "country", "ISO 3166-1 alpha-2"),
                row(Commitment.class, c, "country", "\"mex\"", "country", "ISO 3166-1 alpha-2"),
                row(Commitment.class, c, "title", null, "title", "is required"),
                row(Commitment.class, c, "title", "\"" + "t".repeat(301) + "\"", "title", "at most 300 characters"),
                row(Commitment.class, c, "agency", "\"pgr lower\"", "agency", "must match"),
                row(Commitment.class, c, "sector", "\"Justice Security\"", "sector", "must match"),
                row(Commitment.class, c, "origin", "\"IMPOSED\"", "origin", "must be one of CO_CREATED, PROACTIVE"),
                row(Commitment.class, c, "origin", null, "origin", "is required"),
                row(Commitment.class, c, "startDate", null, "startDate", "is required"),
                row(Commitment.class, c, "startDate", "\"01/11/2013\"", "startDate", "must be a date YYYY-MM-DD"),
                row(Commitment.class, c, "dueDate", "\"2013-10-31\"", "dueDate", "must not be before startDate"),
                row(Commitment.class, c, "stallAfterDays", "0", "stallAfterDays", "must be between 1 and 3650"),
                row(Commitment.class, c, "milestones[1].weight", "0", "milestones[1].weight", "must be greater than 0"),
                row(Commitment.class, c, "milestones[1].weight", "-2", "milestones[1].weight", "must be greater than 0"),
                row(Commitment.class, c, "milestones[1].id", "\"m1\"", "milestones[1].id", "must be unique"),
                row(Commitment.class, c, "milestones[0].title", null, "milestones[0].title", "is required"),
                row(Commitment.class, c, "riskFactors.budgetConstraints", "\"EXTREME\"", "riskFactors.budgetConstraints",
                        "must be one of LOW, MEDIUM, HIGH"),
                row(Commitment.class, c, "riskFactors.luck", "\"LOW\"", "riskFactors",
                        "must be one of constitutionalLimits, csoCooperation"),
                row(Commitment.class, c, "cutoffs", "[\"2015-03-08\",\"2014-10-27\"]", "cutoffs[1]",
                        "must be after cutoffs[0]: the dates must be sorted and unique (2014-10-27 follows 2015-03-08)"),
                row(Commitment.class, c, "cutoffs", "[\"2014-10-27\",\"2014-10-27\"]", "cutoffs[1]",
                        "sorted and unique"),
                row(Commitment.class, c, "cutoffs", "[\"27/10/2014\"]", "cutoffs[0]", "must be a date YYYY-MM-DD"),
                row(Commitment.class, c, "cutoffs", "[\"2014-10-27\",null]", "cutoffs[1]", "must be a date YYYY-MM-DD"),
                row(Commitment.class, c, "cutoffs", twentyFiveDays(), "cutoffs", "must have at most 24 dates (had 25)"));
    }

    private static Stream<Arguments> brokenProgressUpdates() {
        String p = Fixtures.PROGRESS;
        return Stream.of(
                row(ProgressUpdate.class, p, "updateId", null, "updateId", "is required"),
                row(ProgressUpdate.class, p, "commitmentId", "\"bad id!\"", "commitmentId", "must match"),
                row(ProgressUpdate.class, p, "percent", null, "percent", "exactly one of percent or level is required (neither"),
                row(ProgressUpdate.class, p, "level", "\"LIMITED\"", "percent", "exactly one of percent or level is required (both"),
                row(ProgressUpdate.class, p, "percent", "100.5", "percent", "must be between 0 and 100"),
                row(ProgressUpdate.class, p, "percent", "-1", "percent", "must be between 0 and 100"),
                row(ProgressUpdate.class, p, "percent", "\"forty\"", "percent", "must be a number"),
                row(ProgressUpdate.class, p, "source", "\"GOVERNMENT\"", "source", "must be one of AGENCY, CSO, IRM"),
                row(ProgressUpdate.class, p, "source", null, "source", "is required"),
                row(ProgressUpdate.class, p, "reporter", null, "reporter", "is required"),
                row(ProgressUpdate.class, p, "reportedAt", null, "reportedAt", "is required"),
                row(ProgressUpdate.class, p, "reportedAt", "\"yesterday\"", "reportedAt", "ISO-8601 instant"),
                row(ProgressUpdate.class, p, "evidenceUrl", "\"ftp://example.org/x\"", "evidenceUrl", "http or https URL"),
                row(ProgressUpdate.class, p, "evidenceUrl", "\"not a url\"", "evidenceUrl", "http or https URL"),
                row(ProgressUpdate.class, p, "note", "\"" + "n".repeat(2001) + "\"", "note", "at most 2000 characters"));
    }

    private static Stream<Arguments> brokenNewsAndTicks() {
        String n = Fixtures.NEWS;
        return Stream.of(
                row(NewsSignal.class, n, "id", null, "id", "is required"),
                row(NewsSignal.class, n, "publishedAt", null, "publishedAt", "is required"),
                row(NewsSignal.class, n, "outlet", "\"\"", "outlet", "is required"),
                row(NewsSignal.class, n, "title", null, "title", "is required"),
                row(NewsSignal.class, n, "url", "\"javascript:alert(1)\"", "url", "http or https URL"),
                row(NewsSignal.class, n, "agencies", "[]", "agencies", "at least one agency"),
                row(NewsSignal.class, n, "agencies", "[\"pgr\"]", "agencies[0]", "must match"),
                row(NewsSignal.class, n, "kind", "\"GOSSIP\"", "kind", "must be one of SCANDAL, LEADERSHIP_CHANGE, GENERAL"),
                row(NewsSignal.class, n, "weight", "0", "weight", "must be greater than 0"),
                row(NewsSignal.class, n, "weight", null, "weight", "is required"),
                row(Tick.class, Fixtures.TICK, "at", null, "at", "is required"),
                row(Tick.class, Fixtures.TICK_FOLLOWING, "afterProgress", "-1", "afterProgress", "must not be negative"),
                row(Tick.class, Fixtures.TICK_FOLLOWING, "afterCommitments", "-2", "afterCommitments",
                        "must not be negative"));
    }

    /** Commitment statuses, sector roll-ups, alerts and amendments. */
    private static Stream<Arguments> brokenOutputs() {
        String s = Fixtures.STATUS;
        String sc = Fixtures.SECTOR;
        String a = Fixtures.ALERT;
        return Stream.of(
                row(CommitmentStatus.class, s, "completion", "101", "completion", "must be between 0 and 100"),
                row(CommitmentStatus.class, s, "verifiedCompletion", "-5", "verifiedCompletion", "must be between 0 and 100"),
                row(CommitmentStatus.class, s, "state", "\"ASLEEP\"", "state", "must be one of COMPLETED, OVERDUE, STALLED"),
                row(CommitmentStatus.class, s, "daysWithoutProgress", "-1", "daysWithoutProgress", "must not be negative"),
                row(CommitmentStatus.class, s, "asOf", null, "asOf", "is required"),
                // SectorCompletion
                row(SectorCompletion.class, sc, "completed", "4", "completed", "must not exceed commitments"),
                row(SectorCompletion.class, sc, "meanCompletion", "100.1", "meanCompletion", "must be between 0 and 100"),
                row(SectorCompletion.class, sc, "commitments", "-1", "commitments", "must not be negative"),
                // Alert
                row(Alert.class, a, "alertId", null, "alertId", "is required"),
                row(Alert.class, a, "type", "\"BORED\"", "type", "must be one of STALLED, RESUMED"),
                row(Alert.class, a, "status", "\"PENDING\"", "status", "must be one of FIRING, RESOLVED"),
                row(Alert.class, a, "severity", "\"LOW\"", "severity", "must be one of INFO, WARNING, CRITICAL"),
                row(Alert.class, a, "commitmentId", null, "commitmentId", "is required"),
                row(Alert.class, a, "summary", null, "summary", "is required"),
                // Amendment
                row(Amendment.class, Fixtures.AMENDMENT, "at", null, "at", "is required"),
                row(Amendment.class, Fixtures.AMENDMENT, "commitment.dueDate", "\"2013-01-01\"", "commitment.dueDate",
                        "must not be before startDate"));
    }

    private static String twentyFiveDays() {
        return java.util.stream.IntStream.range(0, 25).mapToObj(i -> "\"2014-01-" + String.format("%02d", i + 1) + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static Arguments row(Class<? extends Validated> type, String json, String path, String raw,
                                 String field, String rule) {
        return Arguments.of(type.getSimpleName() + "." + path + (raw == null ? " missing" : " = " + abbreviate(raw)),
                type, Fixtures.with(json, path, raw), field, rule);
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRecords")
    void rejectsNamingTheFieldAndTheRule(String name, Class<? extends Validated> type, byte[] json, String field,
                                         String rule) {
        assertThatThrownBy(() -> Json.read(json, type))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> {
                            assertThat(v.field()).isEqualTo(field);
                            assertThat(v.rule()).contains(rule);
                        }));
    }
}
