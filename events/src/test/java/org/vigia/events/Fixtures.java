package org.vigia.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid JSON examples of every record, which tests then break one rule at a time. */
final class Fixtures {
    private Fixtures() {
    }

    static final String COMMITMENT = """
            {"id":"MX-PA15-04","planId":"MX-2013-2015","country":"MX",
             "title":"Registro de detenidos","agency":"PGR","sector":"justice-security",
             "leadCso":"Artículo 19","origin":"CO_CREATED","startDate":"2013-11-01","dueDate":"2015-10-31",
             "stallAfterDays":90,
             "milestones":[{"id":"m1","title":"Diagnóstico","weight":1,"dueDate":"2014-05-01"},
                           {"id":"m2","title":"Publicación","weight":2}],
             "riskFactors":{"constitutionalLimits":"HIGH","csoCooperation":"LOW"},
             "cutoffs":["2014-10-27","2015-03-08","2015-07-22"]}""";

    static final String PROGRESS = """
            {"updateId":"u-1","commitmentId":"MX-PA15-04","milestoneId":"m1","percent":40,
             "source":"AGENCY","reporter":"agency:PGR","reportedAt":"2014-01-10T12:00:00Z",
             "evidenceUrl":"https://example.org/evidencia.pdf","note":"Avance en el diagnóstico"}""";

    static final String NEWS = """
            {"id":"n-1","publishedAt":"2014-09-27T08:00:00Z","outlet":"La Jornada",
             "title":"Desaparecen 43 normalistas de Ayotzinapa","url":"https://example.org/nota",
             "agencies":["PGR"],"keywords":["ayotzinapa"],"kind":"SCANDAL","weight":1.5}""";

    static final String TICK = """
            {"at":"2014-01-10T00:00:00Z"}""";

    /** A replay's tick: it follows progress offset 41 and registry offset 3 of its partition. */
    static final String TICK_FOLLOWING = """
            {"at":"2014-09-26T00:00:00Z","afterProgress":41,"afterCommitments":3}""";

    static final String STATUS = """
            {"commitmentId":"MX-PA15-04","planId":"MX-2013-2015","agency":"PGR","sector":"justice-security",
             "title":"Registro de detenidos","completion":12.5,"verifiedCompletion":null,"state":"STALLED",
             "disputed":false,"evidenceMissing":false,"lastProgressAt":"2014-01-10T12:00:00Z",
             "lastUpdateAt":"2014-03-01T12:00:00Z","daysWithoutProgress":92,"projectedCompletion":null,
             "asOf":"2014-04-12T00:00:00Z"}""";

    static final String SECTOR = """
            {"planId":"MX-2013-2015","sector":"justice-security","commitments":3,"completed":0,"stalled":3,
             "atRisk":0,"overdue":0,"meanCompletion":8.3,"asOf":"2014-04-12T00:00:00Z"}""";

    static final String ALERT = """
            {"alertId":"MX-PA15-04:STALLED:2014-01-10","type":"STALLED","status":"FIRING","severity":"WARNING",
             "commitmentId":"MX-PA15-04","planId":"MX-2013-2015","agency":"PGR","sector":"justice-security",
             "title":"Registro de detenidos","raisedAt":"2014-04-10T12:00:00Z",
             "summary":"No progress for 90 days.","details":{"completion":12.5,"daysWithoutProgress":90}}""";

    static final String AMENDMENT = "{\"at\":\"2014-06-01T00:00:00Z\",\"commitment\":" + COMMITMENT + "}";

    /** The example with one field set to a raw JSON value ({@code null} removes it); paths use dots and [i]. */
    static byte[] with(String json, String path, String rawValue) {
        try {
            ObjectNode root = (ObjectNode) Json.wire().readTree(json);
            ObjectNode parent = root;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                parent = (ObjectNode) step(parent, parts[i]);
            }
            String last = parts[parts.length - 1];
            if (rawValue == null) {
                parent.remove(last);
            } else {
                parent.set(last, Json.wire().readTree(rawValue));
            }
            return Json.wire().writeValueAsBytes(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode step(ObjectNode node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return node.get(part);
        }
        int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        return node.get(part.substring(0, bracket)).get(index);
    }
}
