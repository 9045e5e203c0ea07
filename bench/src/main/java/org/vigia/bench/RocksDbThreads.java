package org.vigia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of RocksDB's background threads (memtable flushes and compactions) in this process.
 * They are native threads, invisible to {@code ThreadMXBean}, so they are read from Linux's
 * {@code /proc/self/task/<tid>/stat}: threads whose name starts with {@code rocksdb:}.
 */
final class RocksDbThreads {
    /** Clock ticks per second of {@code /proc} times ({@code getconf CLK_TCK}), 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private RocksDbThreads() {
    }

    /** CPU-seconds so far of every live RocksDB background thread, or NaN where {@code /proc} is not there. */
    static double cpuSeconds() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return Double.NaN;
        }
        long ticks = 0;
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) all::iterator) {
                ticks += ticksOf(task);
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long ticksOf(Path task) {
        try {
            if (!Files.readString(task.resolve("comm")).startsWith("rocksdb:")) {
                return 0;
            }
            String stat = Files.readString(task.resolve("stat"));
            // Fields after the name in parentheses (which may hold spaces): utime and stime are the 14th and 15th.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended while being read
        }
    }
}
