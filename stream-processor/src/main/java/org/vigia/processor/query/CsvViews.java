package org.vigia.processor.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.vigia.events.Alert;
import org.vigia.events.CommitmentStatus;

/** The columns of every list of the query API as CSV, one row per item (a group series: one row per day). */
final class CsvViews {
    private static final List<String> STATUS_COLUMNS = List.of("commitmentId", "planId", "agency", "sector", "title",
            "completion", "verifiedCompletion", "state", "disputed", "evidenceMissing", "lastProgressAt", "lastUpdateAt",
            "daysWithoutProgress", "projectedCompletion", "asOf");
    private static final List<String> ALERT_COLUMNS = List.of("raisedAt", "alertId", "type", "status", "severity",
            "planId", "agency", "sector", "commitmentId", "title", "summary");
    private static final List<String> SERIES_COLUMNS = List.of("date", "completion", "verifiedCompletion", "state",
            "stalled", "disputed", "daysWithoutProgress");
    private static final List<String> PLAN_COLUMNS = List.of("planId", "commitments", "startDate", "endDate", "cutoffs",
            "asOf");

    private CsvViews() {
    }

    static String statuses(List<CommitmentStatus> rows) {
        return Csv.write(STATUS_COLUMNS, rows, s -> Arrays.asList(s.commitmentId(), s.planId(), s.agency(),
                s.sector(), s.title(), s.completion(), s.verifiedCompletion(), s.state(), s.disputed(),
                s.evidenceMissing(), s.lastProgressAt(), s.lastUpdateAt(), s.daysWithoutProgress(),
                s.projectedCompletion(), s.asOf()));
    }

    static String rollups(String group, List<RollupView> rows) {
        return Csv.write(List.of("planId", group, "commitments", "completed", "stalled", "atRisk", "overdue",
                "meanCompletion", "meanVerifiedCompletion", "asOf"), rows, r -> Arrays.asList(r.planId(), r.group(),
                r.commitments(), r.completed(), r.stalled(), r.atRisk(), r.overdue(), r.meanCompletion(),
                r.meanVerifiedCompletion(), r.asOf()));
    }

    static String alerts(List<Alert> rows) {
        return Csv.write(ALERT_COLUMNS, rows, a -> Arrays.asList(a.raisedAt(), a.alertId(), a.type(), a.status(),
                a.severity(), a.planId(), a.agency(), a.sector(), a.commitmentId(), a.title(), a.summary()));
    }

    static String series(List<DailyPoint> rows) {
        return Csv.write(SERIES_COLUMNS, rows, p -> Arrays.asList(p.date(), p.completion(), p.verifiedCompletion(),
                p.state(), p.stalled(), p.disputed(), p.daysWithoutProgress()));
    }

    /** Cut-off dates in one cell, separated by spaces (a comma would need quoting in every spreadsheet). */
    static String plans(List<PlanSummary> rows) {
        return Csv.write(PLAN_COLUMNS, rows, p -> Arrays.asList(p.planId(), p.commitments(), p.startDate(),
                p.endDate(), p.cutoffs().stream().map(LocalDate::toString).collect(Collectors.joining(" ")), p.asOf()));
    }

    /** One row per group and day: the long format spreadsheets pivot and chart. */
    static String groupSeries(String group, List<GroupSeries> rows) {
        List<Object[]> days = new ArrayList<>();
        for (GroupSeries s : rows) {
            for (GroupSeries.Point p : s.points()) {
                days.add(new Object[] {s.planId(), s.group(), p});
            }
        }
        return Csv.write(List.of("planId", group, "date", "commitments", "completed", "stalled", "atRisk", "overdue",
                "meanCompletion", "meanVerifiedCompletion"), days, row -> {
                    GroupSeries.Point p = (GroupSeries.Point) row[2];
                    return Arrays.asList(row[0], row[1], p.date(), p.commitments(), p.completed(), p.stalled(),
                            p.atRisk(), p.overdue(), p.meanCompletion(), p.meanVerifiedCompletion());
                });
    }
}
