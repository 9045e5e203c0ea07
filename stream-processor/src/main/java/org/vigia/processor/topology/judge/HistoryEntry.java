package org.vigia.processor.topology.judge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.events.ProgressUpdate;
import org.vigia.events.Source;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;

/**
 * One received report as the query API shows it, with whether it counts (store
 * {@code commitment-reports}, keyed by commitment, reporter and updateId: that a key is there is
 * what makes a repeated report a duplicate, however long ago the first came).
 *
 * @param remark why a report does not count (older than the latest, unknown milestone), or null
 */
public record HistoryEntry(String updateId, String milestoneId, double percent, Source source, String reporter,
                           Instant reportedAt, String evidenceUrl, String note, boolean counted, String remark) {

    public static HistoryEntry of(ProgressUpdate u, String remark) {
        return new HistoryEntry(u.updateId(), u.milestoneId(), u.effectivePercent(), u.source(), u.reporter(),
                u.reportedAt(), u.evidenceUrl(), u.note(), remark == null, remark);
    }

    /** {@code <commitment> 0x00 <reporter> 0x00 <updateId>}: one commitment's reports are adjacent. */
    public static Bytes keyOf(ProgressUpdate u) {
        return Bytes.wrap((u.commitmentId() + '\u0000' + u.reporter() + '\u0000' + u.updateId())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Binary serde of the history store. */
    public static final class Codec implements Serde<HistoryEntry> {
        private static final int VERSION = 1;

        @Override
        public Serializer<HistoryEntry> serializer() {
            return (topic, h) -> h == null ? null : new BinaryWriter(128).u8(VERSION).str(h.updateId)
                    .str(h.milestoneId).f64(h.percent).u8(h.source.ordinal()).str(h.reporter)
                    .i64(h.reportedAt.toEpochMilli()).str(h.evidenceUrl).str(h.note).bool(h.counted).str(h.remark)
                    .toBytes();
        }

        @Override
        public Deserializer<HistoryEntry> deserializer() {
            return (topic, b) -> {
                if (b == null) {
                    return null;
                }
                BinaryReader r = new BinaryReader(b).version(VERSION, "commitment-reports");
                return new HistoryEntry(r.str(), r.str(), r.f64(), Source.values()[r.u8()], r.str(),
                        Instant.ofEpochMilli(r.i64()), r.str(), r.str(), r.bool(), r.str());
            };
        }
    }
}
