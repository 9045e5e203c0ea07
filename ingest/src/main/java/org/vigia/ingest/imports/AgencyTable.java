package org.vigia.ingest.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigia.ingest.replay.DatasetException;

/**
 * Institution names as the sheets write them, mapped to agency codes: OGP's sheets name the
 * lead institution ({@code Procuraduría General de la República}), the registry needs its code
 * ({@code PGR}). A YAML file, code → names; names are matched with case, accents, spaces and
 * punctuation ignored:
 * <pre>
 * PGR:
 *   - Procuraduría General de la República
 *   - Attorney General's Office
 * SCT: [Secretaría de Comunicaciones y Transportes]
 * </pre>
 */
public final class AgencyTable {
    private static final String CODE = "[A-Z0-9_-]{1,32}";
    private final Map<String, String> codeByName;

    private AgencyTable(Map<String, String> codeByName) {
        this.codeByName = Map.copyOf(codeByName);
    }

    public static AgencyTable empty() {
        return new AgencyTable(Map.of());
    }

    public static AgencyTable load(Path file) {
        String where = file.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new DatasetException(List.of(where + ": is not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> codeByName = new HashMap<>();
        if (root == null || !root.isObject() || root.isEmpty()) {
            problems.add(where + ": must map agency codes to lists of institution names");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String code = e.getKey();
                if (!code.matches(CODE)) {
                    problems.add(where + ": " + code + ": must be an agency code matching " + CODE);
                    continue;
                }
                JsonNode names = e.getValue().isTextual() ? new ObjectMapper().createArrayNode().add(e.getValue()) : e.getValue();
                if (!names.isArray() || names.isEmpty()) {
                    problems.add(where + ": " + code + ": must be a list of institution names");
                    continue;
                }
                for (int i = 0; i < names.size(); i++) {
                    JsonNode n = names.get(i);
                    String key = n.isTextual() ? CsvRows.normalise(n.asText()) : "";
                    if (key.isEmpty()) {
                        problems.add(where + ": " + code + "[" + i + "]: must be a name");
                    } else if (codeByName.containsKey(key) && !codeByName.get(key).equals(code)) {
                        problems.add(where + ": " + code + "[" + i + "]: '" + n.asText() + "' is already the name of "
                                + codeByName.get(key));
                    } else {
                        codeByName.put(key, code);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        return new AgencyTable(codeByName);
    }

    public Optional<String> codeOf(String institution) {
        return Optional.ofNullable(codeByName.get(CsvRows.normalise(institution)));
    }

    public boolean isEmpty() {
        return codeByName.isEmpty();
    }
}
