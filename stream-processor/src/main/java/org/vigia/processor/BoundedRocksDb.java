package org.vigia.processor;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of this instance together: one block cache
 * (index and filter blocks included) and one write-buffer manager charged to it, shared by all
 * stores, as the Kafka Streams memory-management guide describes. Without it each store and
 * segment opens its own cache and memtables, and memory grows with the number of stores and
 * partitions. The limits come from {@code VIGIA_ROCKSDB_MEMORY_MB} and
 * {@code VIGIA_ROCKSDB_WRITE_BUFFER_MB}, passed in the Streams configuration.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
    static final String TOTAL_BYTES = "vigia.rocksdb.total.bytes";
    static final String WRITE_BUFFER_BYTES = "vigia.rocksdb.write.buffer.bytes";
    private static final long BLOCK_SIZE = 16 * 1024L;
    private static final double INDEX_FILTER_SHARE = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    private static synchronized void share(long total, long writeBuffer) {
        if (cache == null) {
            cache = new LRUCache(total, -1, false, INDEX_FILTER_SHARE);
            writeBuffers = new WriteBufferManager(writeBuffer, cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        share(number(configs, TOTAL_BYTES, 256L << 20), number(configs, WRITE_BUFFER_BYTES, 128L << 20));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        options.setWriteBufferManager(writeBuffers);
        options.setMaxWriteBufferNumber(3);
        options.setWriteBufferSize(Math.max(1L << 20, number(configs, WRITE_BUFFER_BYTES, 128L << 20) / 8));
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store: they live as long as the JVM.
    }

    private static long number(Map<String, Object> configs, String key, long fallback) {
        Object v = configs.get(key);
        return v instanceof Number n ? n.longValue() : v == null ? fallback : Long.parseLong(v.toString());
    }
}
