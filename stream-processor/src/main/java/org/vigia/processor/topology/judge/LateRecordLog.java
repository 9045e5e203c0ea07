package org.vigia.processor.topology.judge;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At DEBUG, where a judge task's clock started and which records came after its watermark,
 * from which partition and offset: what an operator needs to tell why an alert was judged
 * without a report (counted in {@code vigia_processor_late_records_total} either way).
 */
final class LateRecordLog {
    private static final Logger log = LoggerFactory.getLogger(LateRecordLog.class);

    private LateRecordLog() {
    }

    static void starts(ProcessorContext<?, ?> context, long streamTime) {
        if (log.isDebugEnabled()) {
            log.debug("judge task {} starts at stream time {}", context.taskId(), show(streamTime));
        }
    }

    static void late(ProcessorContext<?, ?> context, String input, String key, long at, long watermark, long streamTime) {
        if (log.isDebugEnabled()) {
            log.debug("late {} record for {} at {}, behind the watermark {} (stream time {}; {})", input, key, show(at),
                    show(watermark), show(streamTime), context.recordMetadata()
                            .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("no source record"));
        }
    }

    private static String show(long millis) {
        return millis == Long.MIN_VALUE ? "unknown" : Instant.ofEpochMilli(millis).toString();
    }
}
