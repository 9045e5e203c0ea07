package org.vigia.ingest.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigia.ingest.kafka.InstanceId;

/**
 * How to replay a dataset.
 *
 * @param tick           the event-time interval between clock ticks (default one day)
 * @param speed          event-time seconds per wall-clock second; 0 = as fast as possible (the default)
 * @param targetDuration instead of a speed: the whole replay, start to end, in this much wall time
 * @param end            the last event time to replay up to; default: the later of the last event and the
 *                       latest dueDate + 7 days (so OVERDUE fires for commitments left unfinished)
 * @param progress       receives a progress line now and then (at most about once a wall second) and at the end
 * @param instanceId     part of the replay's transactional id (default {@code VIGIA_INSTANCE_ID} or the host name),
 *                       so a replay started again after a crash fences what the crashed one left open
 */
public record ReplayOptions(
        Duration tick,
        double speed,
        Optional<Duration> targetDuration,
        Optional<Instant> end,
        Consumer<String> progress,
        String instanceId) {

    public ReplayOptions {
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be a positive duration, was " + tick);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or a positive number, was " + speed);
        }
        if (targetDuration.isPresent() && (targetDuration.get().isNegative() || targetDuration.get().isZero())) {
            throw new IllegalArgumentException("target duration must be positive, was " + targetDuration.get());
        }
        progress = progress == null ? line -> { } : progress;
        instanceId = instanceId == null ? InstanceId.current() : instanceId;
    }

    /** One tick per day of event time, as fast as possible, default end, no progress lines. */
    public static ReplayOptions defaults() {
        return new ReplayOptions(Duration.ofDays(1), 0, Optional.empty(), Optional.empty(), line -> { }, null);
    }

    public ReplayOptions withTick(Duration newTick) {
        return new ReplayOptions(newTick, speed, targetDuration, end, progress, instanceId);
    }

    /** Event-time seconds per wall second (e.g. 86400 = a day a second); 0 = as fast as possible. */
    public ReplayOptions withSpeed(double eventSecondsPerWallSecond) {
        return new ReplayOptions(tick, eventSecondsPerWallSecond, Optional.empty(), end, progress, instanceId);
    }

    /** Paces the whole replay, first tick to last, to take about this much wall time. */
    public ReplayOptions withTargetDuration(Duration wall) {
        return new ReplayOptions(tick, 0, Optional.of(wall), end, progress, instanceId);
    }

    public ReplayOptions withEnd(Instant newEnd) {
        return new ReplayOptions(tick, speed, targetDuration, Optional.of(newEnd), progress, instanceId);
    }

    public ReplayOptions withInstanceId(String id) {
        return new ReplayOptions(tick, speed, targetDuration, end, progress, id);
    }

    public ReplayOptions withProgress(Consumer<String> callback) {
        return new ReplayOptions(tick, speed, targetDuration, end, callback, instanceId);
    }
}
