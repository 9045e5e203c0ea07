package org.vigia.ingest.news;

import java.nio.file.Path;

public record FeedsConfig() {
    public static FeedsConfig load(Path file) {
        return new FeedsConfig();
    }
}
