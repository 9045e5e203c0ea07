package org.vigia.ingest.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigia.events.Amendment;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdate;

/**
 * A replay dataset, loaded and validated whole: a folder with {@code commitments.json} (an
 * array of Commitment, required), {@code progress.jsonl} (one ProgressUpdate a line, with
 * source and reporter, required), {@code news.jsonl} (one NewsSignal a line, optional) and
 * {@code amendments.jsonl} ({@code {"at": instant, "commitment": Commitment}} a line,
 * optional). {@link #load} reports every problem as {@code file:line: field: rule} and
 * returns only a dataset in which every line is valid.
 *
 * <p>Beyond each record's own rules: commitment ids are unique in the registry, every
 * update and amendment names a commitment of the registry, and an update's milestone is a
 * milestone of some version of its commitment.
 */
public record Dataset(
        List<Commitment> commitments,
        List<Amendment> amendments,
        List<ProgressUpdate> progress,
        List<NewsSignal> news) {

    public static final String COMMITMENTS = "commitments.json";
    public static final String PROGRESS = "progress.jsonl";
    public static final String NEWS = "news.jsonl";
    public static final String AMENDMENTS = "amendments.jsonl";

    public Dataset {
        commitments = List.copyOf(commitments);
        amendments = List.copyOf(amendments);
        progress = List.copyOf(progress);
        news = List.copyOf(news);
    }

    public static Dataset load(Path dir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(List.of(dir + ": is not a folder"));
        }
        for (String required : List.of(COMMITMENTS, PROGRESS)) {
            if (!Files.isRegularFile(dir.resolve(required))) {
                problems.add(required + ": is missing from " + dir.getFileName());
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        DatasetReader reader = new DatasetReader(problems);
        var commitments = reader.jsonArray(dir.resolve(COMMITMENTS), Commitment.class);
        var progress = reader.jsonLines(dir.resolve(PROGRESS), ProgressUpdate.class);
        var news = Files.isRegularFile(dir.resolve(NEWS))
                ? reader.jsonLines(dir.resolve(NEWS), NewsSignal.class) : List.<DatasetReader.Line<NewsSignal>>of();
        var amendments = Files.isRegularFile(dir.resolve(AMENDMENTS))
                ? reader.jsonLines(dir.resolve(AMENDMENTS), Amendment.class) : List.<DatasetReader.Line<Amendment>>of();

        Map<String, Set<String>> milestones = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (var c : commitments) {
            if (!ids.add(c.value().id())) {
                reader.problem(dir.resolve(COMMITMENTS), c.line(), "id: must be unique in the registry (" + c.value().id() + " repeats)");
            }
            addMilestones(milestones, c.value());
        }
        for (var a : amendments) {
            if (!ids.contains(a.value().commitment().id())) {
                reader.problem(dir.resolve(AMENDMENTS), a.line(), "commitment.id: must name a commitment of " + COMMITMENTS
                        + " (" + a.value().commitment().id() + " is unknown)");
            }
            addMilestones(milestones, a.value().commitment());
        }
        for (var u : progress) {
            ProgressUpdate p = u.value();
            if (!ids.contains(p.commitmentId())) {
                reader.problem(dir.resolve(PROGRESS), u.line(), "commitmentId: must name a commitment of " + COMMITMENTS
                        + " (" + p.commitmentId() + " is unknown)");
            } else if (p.milestoneId() != null && !milestones.get(p.commitmentId()).contains(p.milestoneId())) {
                reader.problem(dir.resolve(PROGRESS), u.line(), "milestoneId: must be a milestone of " + p.commitmentId()
                        + " (" + p.milestoneId() + " is not one)");
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        return new Dataset(values(commitments), values(amendments), values(progress), values(news));
    }

    private static void addMilestones(Map<String, Set<String>> milestones, Commitment c) {
        Set<String> set = milestones.computeIfAbsent(c.id(), k -> new HashSet<>());
        c.milestones().stream().map(Milestone::id).forEach(set::add);
    }

    private static <T> List<T> values(List<DatasetReader.Line<T>> lines) {
        return lines.stream().map(DatasetReader.Line::value).toList();
    }
}
