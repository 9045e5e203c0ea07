package org.vigia.processor.topology.judge;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.events.AlertType;
import org.vigia.events.Severity;
import org.vigia.events.Source;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;

/**
 * The versioned binary form of a {@link Ledger}: read and written on every report, so it is
 * small (typically 100–200 bytes) and cheap to decode, unlike JSON. Enums go by ordinal of the
 * ledger's own lists or the wire enums' declared order; a change of either bumps the version.
 */
public final class LedgerCodec implements Serde<Ledger> {
    static final int VERSION = 1;
    private static final Source[] SOURCES = Source.values();
    private static final Severity[] SEVERITIES = Severity.values();
    private static final int TYPES = AlertType.values().length;

    public static byte[] encode(Ledger l) {
        BinaryWriter w = new BinaryWriter(160).u8(VERSION);
        w.var(l.reports.size());
        for (Ledger.Report r : l.reports) {
            w.str(r.unit).u8(r.source.ordinal()).f64(r.percent).i64(r.reportedAt).bool(r.evidence);
        }
        w.i64(l.lastProgressAt).i64(l.lastUpdateAt).i64(l.lastReportAt).str(l.lastNote).str(l.lastEvidenceUrl)
                .i64(l.evaluatedAt).bool(l.completedAnnounced).i64(l.wakeAt).f64(l.official);
        for (Ledger.Episode e : l.episodes) {
            w.bool(e != null);
            if (e != null) {
                w.str(e.alertId()).u8(e.severity().ordinal()).i64(e.since());
            }
        }
        for (int i = 0; i < TYPES; i++) {
            w.var(l.idDay[i]).var(l.idCount[i]);
        }
        w.bool(l.published != null);
        if (l.published != null) {
            FactsCodec.write(w, l.published);
        }
        return w.toBytes();
    }

    public static Ledger decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes).version(VERSION, "commitment-ledger");
        Ledger l = new Ledger();
        int reports = r.varInt();
        for (int i = 0; i < reports; i++) {
            l.reports.add(new Ledger.Report(r.str(), SOURCES[r.u8()], r.f64(), r.i64(), r.bool()));
        }
        l.lastProgressAt = r.i64();
        l.lastUpdateAt = r.i64();
        l.lastReportAt = r.i64();
        l.lastNote = r.str();
        l.lastEvidenceUrl = r.str();
        l.evaluatedAt = r.i64();
        l.completedAnnounced = r.bool();
        l.wakeAt = r.i64();
        l.official = r.f64();
        for (int i = 0; i < l.episodes.length; i++) {
            if (r.bool()) {
                l.episodes[i] = new Ledger.Episode(r.str(), SEVERITIES[r.u8()], r.i64());
            }
        }
        for (int i = 0; i < TYPES; i++) {
            l.idDay[i] = r.varInt();
            l.idCount[i] = r.varInt();
        }
        if (r.bool()) {
            l.published = FactsCodec.read(r);
        }
        return l;
    }

    @Override
    public Serializer<Ledger> serializer() {
        return (topic, l) -> l == null ? null : encode(l);
    }

    @Override
    public Deserializer<Ledger> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }
}
