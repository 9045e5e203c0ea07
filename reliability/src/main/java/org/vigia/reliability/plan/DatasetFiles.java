package org.vigia.reliability.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vigia.events.Json;
import org.vigia.ingest.replay.Dataset;

/** Writes a replay dataset folder in the format ingest's replay reads: four UTF-8 files, nulls left out. */
final class DatasetFiles {
    private static final ObjectMapper JSON = Json.wire().copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private DatasetFiles() {
    }

    static void write(Path folder, List<?> commitments, List<?> amendments, List<?> progress, List<?> news) {
        try {
            Files.createDirectories(folder);
            try (BufferedWriter w = Files.newBufferedWriter(folder.resolve(Dataset.COMMITMENTS), StandardCharsets.UTF_8)) {
                w.write("[\n");
                for (int i = 0; i < commitments.size(); i++) {
                    w.write(JSON.writeValueAsString(commitments.get(i)));
                    w.write(i + 1 < commitments.size() ? ",\n" : "\n");
                }
                w.write("]\n");
            }
            lines(folder.resolve(Dataset.PROGRESS), progress);
            lines(folder.resolve(Dataset.NEWS), news);
            lines(folder.resolve(Dataset.AMENDMENTS), amendments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dataset to " + folder, e);
        }
    }

    private static void lines(Path file, List<?> records) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object r : records) {
                w.write(JSON.writeValueAsString(r));
                w.write('\n');
            }
        }
    }
}
