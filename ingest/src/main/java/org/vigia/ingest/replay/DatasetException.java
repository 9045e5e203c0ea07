package org.vigia.ingest.replay;

import java.util.List;

/** A dataset (or an import file) broke the contract; each problem reads {@code file:line: field: rule}. */
public class DatasetException extends RuntimeException {
    private final transient List<String> problems;

    public DatasetException(List<String> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ", nothing was written:\n  "
                + String.join("\n  ", problems.subList(0, Math.min(problems.size(), 50)))
                + (problems.size() > 50 ? "\n  … and " + (problems.size() - 50) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
