package org.vigia.reliability.scenario;

import java.io.PrintStream;
import java.util.List;
import org.vigia.reliability.compare.Comparison;

/** The suite's table, one line per scenario, then each scenario's checks and notes. */
final class Report {
    private static final String FORMAT = "%-22s %12s %11s %15s %11s %31s %19s  %s%n";

    private Report() {
    }

    static void print(List<RunResult> results, PrintStream out) {
        out.println();
        out.printf(FORMAT, "scenario", "updates-lost", "alerts-lost", "statuses-differ", "emails-lost",
                "emails-repeated(same Message-ID)", "emails-refused(5xx)", "verdict");
        for (RunResult r : results) {
            Comparison c = r.comparison();
            out.printf(FORMAT, r.name(), c.updatesLost(), c.alertsLost(), c.statusesDiffer(), c.emailsLost(), c.emailsRepeated(),
                    c.emailsRefused(), r.failed() ? "FAIL" : "ok");
        }
        out.println();
        for (RunResult r : results) {
            Comparison c = r.comparison();
            out.printf("%s (%.0f s): %d updates sent in %d requests, %d acknowledged, %d retried answers %s; "
                            + "%d alerts, %d statuses, %d emails delivered%n",
                    r.name(), r.seconds(), r.drive().intended().size(), r.drive().requests(), r.drive().accepted().size(),
                    r.drive().retries().values().stream().mapToLong(Long::longValue).sum(), r.drive().retries(),
                    r.outcome().alerts().size(), r.outcome().statuses().size(), r.outcome().deliveries().size());
            out.printf("    acked-then-lost %d · alerts extra %d · alerts changed %d · alert records repeated %d · "
                            + "notifications in two or more different emails %d · emails no delivery log explains %d%n",
                    c.ackedLost(), c.alertsExtra(), c.alertsChanged(), c.alertCopies(), c.emailsDuplicated(), c.unattributed());
            r.notes().forEach(n -> out.println("    note: " + n));
            c.examples().forEach(e -> out.println("    e.g. " + (e.length() > 900 ? e.substring(0, 900) + "…" : e)));
            r.checks().forEach(ch -> out.println("    " + ch));
        }
    }
}
