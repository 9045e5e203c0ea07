package org.vigia.processor.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigia.events.Alert;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.CommitmentStatus;
import org.vigia.events.ProgressUpdate;

/**
 * Everything the judge keeps about one commitment (store {@code commitment-ledger}): the
 * registry entry (null until it arrives: reports are kept meanwhile), the latest report per
 * milestone and source, recent update ids for de-duplication, the firing episodes, the last
 * published status and a short history for the query API.
 *
 * <p>Mutable on purpose: it lives for one {@code process()} call between a store get and put.
 */
public final class CommitmentLedger {
    /** How many update ids are remembered to ignore repeats. Re-applying an older report is harmless anyway. */
    public static final int RECENT_IDS = 500;
    public static final int HISTORY = 25;

    public Commitment commitment;
    public Map<String, ProgressUpdate> latest = new TreeMap<>();
    public List<String> recentUpdateIds = new ArrayList<>();
    public Instant lastProgressAt;
    public Instant lastUpdateAt;
    /** The most recent report by reportedAt: its note and evidence go into alerts. */
    public ProgressUpdate lastReport;
    public Map<AlertType, Episode> episodes = new TreeMap<>();
    public Map<String, Integer> idUses = new LinkedHashMap<>();
    public boolean completedAnnounced;
    public CommitmentStatus lastStatus;
    public List<HistoryEntry> history = new ArrayList<>();
    public List<Alert> alerts = new ArrayList<>();

    public boolean anyUpdate() {
        return lastUpdateAt != null;
    }

    public boolean seen(String updateId) {
        return recentUpdateIds.contains(updateId);
    }

    public void remember(String updateId) {
        recentUpdateIds.add(updateId);
        if (recentUpdateIds.size() > RECENT_IDS) {
            recentUpdateIds.remove(0);
        }
    }

    public void addHistory(HistoryEntry entry) {
        history.add(entry);
        if (history.size() > HISTORY) {
            history.remove(0);
        }
    }

    public void addAlert(Alert alert) {
        alerts.add(alert);
        if (alerts.size() > HISTORY) {
            alerts.remove(0);
        }
    }

    /** A deterministic id that is new for each episode: {@code base}, then {@code base:2}, {@code base:3}… */
    public String newAlertId(String base) {
        int uses = idUses.merge(base, 1, Integer::sum);
        return uses == 1 ? base : base + ":" + uses;
    }
}
