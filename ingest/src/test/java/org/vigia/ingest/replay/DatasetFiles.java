package org.vigia.ingest.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small replay datasets for tests. */
final class DatasetFiles {
    private DatasetFiles() {
    }

    static String commitment(String id, String agency, String start, String due) {
        return "{\"id\":\"" + id + "\",\"planId\":\"P1\",\"country\":\"MX\",\"title\":\"T " + id + "\",\"agency\":\"" + agency
                + "\",\"sector\":\"justice-security\",\"origin\":\"CO_CREATED\",\"startDate\":\"" + start + "\",\"dueDate\":\""
                + due + "\",\"milestones\":[{\"id\":\"" + id + "-M1\",\"title\":\"M1\"}]}";
    }

    static String update(String id, String commitment, double percent, String at) {
        return "{\"updateId\":\"" + id + "\",\"commitmentId\":\"" + commitment + "\",\"percent\":" + percent
                + ",\"source\":\"AGENCY\",\"reporter\":\"agency:X\",\"reportedAt\":\"" + at + "\"}";
    }

    static String news(String id, String at, String... agencies) {
        return "{\"id\":\"" + id + "\",\"publishedAt\":\"" + at + "\",\"outlet\":\"O\",\"title\":\"t\",\"url\":\"https://e.org/" + id
                + "\",\"agencies\":[\"" + String.join("\",\"", agencies) + "\"],\"keywords\":[],\"kind\":\"SCANDAL\",\"weight\":1.0}";
    }

    static Path write(Path dir, String commitmentsJson, String progress, String news, String amendments) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("commitments.json"), commitmentsJson);
            Files.writeString(dir.resolve("progress.jsonl"), progress);
            if (news != null) {
                Files.writeString(dir.resolve("news.jsonl"), news);
            }
            if (amendments != null) {
                Files.writeString(dir.resolve("amendments.jsonl"), amendments);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
