package org.vigia.stack.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigia.stack.AlertsUntilQuiet;
import org.vigia.alerts.mail.Email;
import org.vigia.alerts.mail.EmailComposer;
import org.vigia.alerts.notification.Notification;
import org.vigia.alerts.notification.NotificationKind;
import org.vigia.alerts.subscription.Delivery;
import org.vigia.alerts.subscription.Language;
import org.vigia.alerts.subscription.Matchers;
import org.vigia.alerts.subscription.Subscription;
import org.vigia.events.Alert;
import org.vigia.events.AlertStatus;
import org.vigia.events.AlertType;
import org.vigia.events.Commitment;
import org.vigia.events.Commitments;
import org.vigia.events.Json;
import org.vigia.events.Milestone;
import org.vigia.events.NewsKind;
import org.vigia.events.NewsSignal;
import org.vigia.events.ProgressUpdates;
import org.vigia.events.Source;
import org.vigia.events.Tick;
import org.vigia.kafka.embedded.EmbeddedKafkaBroker;
import org.vigia.kit.Env;
import org.vigia.processor.ProcessorService;
import org.vigia.processor.ProcessorSettings;

/**
 * The contract between the stream processor and the alert service: the real processor, driven
 * only through its public API on the embedded broker, is fed a plan that makes it emit every
 * alert type; every alert it emits is rendered through {@link EmailComposer} in Spanish and
 * English, and each email must be whole — a subject and a body in the subscriber's language,
 * no English summary pasted in, no "null", every headline linked.
 */
class ProcessorAlertsContractIT {
    static final int PARTITIONS = 2;
    static final LocalDate START = LocalDate.parse("2014-01-01");
    static final LocalDate DUE = LocalDate.parse("2015-06-30");
    static final Instant NOW = Instant.parse("2026-05-11T13:00:00Z");
    static final List<String> ENGLISH = List.of(" the ", "progress", "completed", "official", "reminder", "due date", "commitment");
    static final List<String> SPANISH = List.of(" el ", "avance", "compromiso", "días", "alerta", "fecha límite", "sociedad");

    static List<Alert> alerts;

    @BeforeAll
    static void runTheProcessorOverAPlanThatRaisesEveryAlert() throws Exception {
        String prefix = "contract-" + UUID.randomUUID() + ".";
        Map<String, String> vars = new HashMap<>();
        vars.put("KAFKA_BOOTSTRAP_SERVERS", EmbeddedKafkaBroker.shared().bootstrapServers());
        vars.put("VIGIA_TOPIC_PREFIX", prefix);
        vars.put("VIGIA_PARTITIONS", String.valueOf(PARTITIONS));
        vars.put("VIGIA_HTTP_HOST", "127.0.0.1");
        vars.put("VIGIA_HTTP_PORT", "0");
        vars.put("VIGIA_APPLICATION_ID", prefix + "processor");
        vars.put("VIGIA_STATE_DIR", Files.createTempDirectory("vigia-contract-").toString());
        vars.put("VIGIA_MAX_TASK_IDLE", "500ms");
        ProcessorSettings settings = ProcessorSettings.from(new Env(vars));
        try (ProcessorService processor = new ProcessorService(settings)) {
            processor.start();
            write(prefix, plan());
            alerts = readUntilQuiet(prefix + "alerts");
        }
    }

    @AfterAll
    static void report() {
        if (alerts != null) {
            System.out.println("contract: the processor emitted " + alerts.size() + " alerts: " + alerts.stream()
                    .collect(Collectors.groupingBy(a -> a.type() + " " + a.status(), java.util.TreeMap::new, Collectors.counting())));
        }
    }

    @Test
    void theProcessorEmitsEveryAlertType() {
        Set<AlertType> firing = alerts.stream().filter(a -> a.status() == AlertStatus.FIRING).map(Alert::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AlertType.class)));
        assertThat(firing).containsExactlyInAnyOrder(AlertType.values());
        assertThat(alerts).anySatisfy(a -> assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED));
        assertThat(alerts).as("one-off notices never resolve").noneMatch(a -> a.status() == AlertStatus.RESOLVED
                && EnumSet.of(AlertType.RESUMED, AlertType.COMPLETED, AlertType.SCOPE_REDUCED).contains(a.type()));
    }

    @Test
    void rendersEveryAlertTypeTheProcessorEmitsThroughEmailComposerInBothLanguagesHeadlineLinksIncluded() {
        EmailComposer composer = new EmailComposer(URI.create("http://localhost:8082/"), ZoneId.of("America/Mexico_City"),
                "suscripciones@vigia.example");
        for (Alert a : alerts) {
            NotificationKind kind = a.status() == AlertStatus.RESOLVED ? NotificationKind.RESOLVED
                    : EnumSet.of(AlertType.RESUMED, AlertType.COMPLETED, AlertType.SCOPE_REDUCED).contains(a.type())
                    ? NotificationKind.NOTICE : NotificationKind.FIRING;
            for (Language language : Language.values()) {
                Subscription to = new Subscription("cso", "Una CSO", List.of("alertas@cso.example"), language, Matchers.ALL,
                        Delivery.IMMEDIATE);
                Notification n = Notification.pending("cso", a, kind, 0, Delivery.IMMEDIATE, NOW, NOW, NOW, to.emails());
                Email e = composer.compose(to, to.emails(), List.of(n), NOW);
                String what = a.alertId() + " (" + a.type() + " " + a.status() + ") in " + language;
                String all = (e.subject() + "\n" + e.text()).toLowerCase(Locale.ROOT);
                assertThat(e.subject()).as(what).startsWith("[Vigía] " + a.agency());
                assertThat(all).as(what).doesNotContain("null").doesNotContain(a.summary().toLowerCase(Locale.ROOT));
                String prose = stripData(all, a);
                for (String word : language == Language.ES ? ENGLISH : SPANISH) {
                    assertThat(prose).as("%s: '%s' in%n%s", what, word, e.text()).doesNotContain(word);
                }
                assertThat(e.html()).as(what).contains("<html lang=\"" + language.name().toLowerCase(Locale.ROOT) + "\">");
                if (a.details().headlines() != null) {
                    for (var h : a.details().headlines()) {
                        assertThat(e.html()).as(what).contains("<a href=\"" + h.url() + "\">");
                        assertThat(e.text()).as(what).contains("<" + h.url() + ">");
                    }
                }
                if (a.type() == AlertType.SENSITIVITY_SPIKE && a.status() == AlertStatus.FIRING) {
                    assertThat(a.details().headlines()).as("a spike names its headlines").isNotEmpty();
                    assertThat(e.text()).contains(a.details().plans().get(0));
                }
            }
        }
    }

    @Test
    void everyResolutionSaysWhyAndOnlyWithAReasonAllowedForItsType() {
        Map<AlertType, Set<String>> allowed = Map.of(
                AlertType.STALLED, Set.of("PROGRESS", "COMPLETED", "REGISTRY_CHANGED", "WITHDRAWN"),
                AlertType.OVERDUE, Set.of("COMPLETED", "REGISTRY_CHANGED", "WITHDRAWN"),
                AlertType.AT_RISK, Set.of("PROGRESS", "COMPLETED", "DUE_DATE_PASSED", "REGISTRY_CHANGED", "WITHDRAWN"),
                AlertType.DISPUTED, Set.of("VIEWS_AGREE", "COMPLETED", "WITHDRAWN"),
                AlertType.SENSITIVITY_SPIKE, Set.of("COOLED_DOWN", "NOTHING_UNFINISHED"));
        assertThat(alerts).filteredOn(a -> a.status() == AlertStatus.RESOLVED).isNotEmpty().allSatisfy(a -> {
            assertThat(a.details().resolution()).as(a.alertId()).isNotNull();
            assertThat(allowed.get(a.type())).as(a.alertId()).contains(a.details().resolution().name());
        });
        assertThat(alerts).filteredOn(a -> a.type() == AlertType.RESUMED)
                .allSatisfy(a -> assertThat(a.details().stalledAlertId()).isNotNull());
        assertThat(alerts).filteredOn(a -> a.type() == AlertType.SCOPE_REDUCED)
                .allSatisfy(a -> assertThat(a.details().scope()).isNotNull());
    }

    /** The email without the data it quotes (titles, notes, headlines, ids), so only its own words are checked. */
    private static String stripData(String text, Alert a) {
        String out = text;
        List<String> data = new ArrayList<>(List.of(String.valueOf(a.title()), String.valueOf(a.details().lastNote()), "una cso"));
        if (a.details().headlines() != null) {
            a.details().headlines().forEach(h -> data.add(h.title()));
        }
        for (String d : data) {
            out = out.replace(d.toLowerCase(Locale.ROOT), "");
        }
        return out.replaceAll("https?://\\S+", "").replaceAll("[a-z0-9.-]+@[a-z0-9.-]+", "");
    }

    // ---- the plan: two agencies over 2014-2015, weekly ticks ----

    record Step(List<ProducerRecord<String, byte[]>> records, Instant tick) {
    }

    static Commitment commitment(String id, LocalDate due) {
        boolean sct = id.startsWith("sct");
        return Commitments.of(id, sct ? "SCT" : "PGR", sct ? "infrastructure" : "justice-security")
                .title((sct ? "Obra pública " : "Registro ") + id).runs(START, due)
                .milestone(new Milestone("m1", "Diseño", 1.0, null)).milestone(new Milestone("m2", "Publicación", 1.0, null))
                .build();
    }

    static List<Step> plan() {
        List<Step> steps = new ArrayList<>();
        Instant previous = START.atStartOfDay(ZoneOffset.UTC).toInstant();
        int week = 0;
        for (LocalDate tick = LocalDate.parse("2014-01-06"); tick.isBefore(LocalDate.parse("2015-08-10")); tick = tick.plusWeeks(1), week++) {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            Instant[] at = {previous};
            java.util.function.Supplier<Long> next = () -> (at[0] = at[0].plus(Duration.ofMinutes(7))).toEpochMilli();
            if (week == 0) { // three SCT and four PGR commitments; pgr-4 never finishes and goes overdue
                for (String id : List.of("sct-1", "sct-2", "sct-3", "pgr-1", "pgr-2", "pgr-3", "pgr-4")) {
                    records.add(record("commitments", id, commitment(id, DUE), next.get()));
                }
            }
            if (week % 4 == 1 && week <= 33) { // SCT moves every four weeks and finishes, with evidence
                for (int i = 1; i <= 3; i++) {
                    int n = week / 4 + 1;
                    records.add(progress("sct-" + i, n % 2 == 1 ? "m1" : "m2", Math.min(100, 25.0 * ((n + 1) / 2)), Source.AGENCY,
                            next.get(), "sct-" + i + "-w" + week));
                }
            }
            if (week == 20) { // civil society sees sct-1 far behind the official figure
                records.add(progress("sct-1", "m1", 10, Source.CSO, next.get(), "cso-sct-1"));
            }
            if (week == 5) { // PGR starts, then stalls
                for (int i = 1; i <= 4; i++) {
                    records.add(progress("pgr-" + i, "m1", 20, Source.AGENCY, next.get(), "pgr-" + i + "-start"));
                }
            }
            if (week == 38) { // the Ayotzinapa autumn
                for (int i = 0; i < 4; i++) {
                    long t = next.get();
                    records.add(record("news", "PGR", new NewsSignal("ayotzinapa-" + i, Instant.ofEpochMilli(t), "Proceso",
                            "Ayotzinapa: la PGR bajo presión " + i, "https://proceso.example/a/" + i, List.of("PGR"),
                            List.of("pgr"), NewsKind.SCANDAL, 1.0), t));
                }
            }
            if (week == 62) { // renegotiation: a later due date
                records.add(record("commitments", "pgr-3", commitment("pgr-3", LocalDate.parse("2015-12-31")), next.get()));
            }
            if (week >= 64 && week <= 70 && week % 3 == 1) { // pgr-1 and pgr-2 resume and finish
                for (int i = 1; i <= 2; i++) {
                    for (String m : List.of("m1", "m2")) {
                        records.add(progress("pgr-" + i, m, week == 70 ? 100 : 50 + week - 64, Source.AGENCY, next.get(),
                                "pgr-" + i + "-" + m + "-w" + week));
                    }
                }
            }
            Instant tickAt = tick.atStartOfDay(ZoneOffset.UTC).toInstant();
            steps.add(new Step(records, tickAt));
            previous = tickAt;
        }
        return steps;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Object value, long at) {
        return new ProducerRecord<>(topic, null, at, key, Json.write(value));
    }

    private static ProducerRecord<String, byte[]> progress(String id, String milestone, double percent, Source source, long at,
                                                           String uid) {
        return record("progress", id, ProgressUpdates.by(source, source.name().toLowerCase(Locale.ROOT)).id(uid).commitment(id)
                .milestone(milestone).percent(percent).at(Instant.ofEpochMilli(at))
                .evidence(percent >= 100 ? "https://gob.example/evidencia/" + uid : null).note("informe " + uid).build(), at);
    }

    /** Each step's records and a tick to every clock partition in one transaction, as a replay writes them. */
    static void write(String prefix, List<Step> steps) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", EmbeddedKafkaBroker.shared().bootstrapServers(), "acks", "all",
                "enable.idempotence", "true", "transactional.id", prefix + "plan"), new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (Step step : steps) {
                producer.beginTransaction();
                for (ProducerRecord<String, byte[]> r : step.records()) {
                    producer.send(new ProducerRecord<>(prefix + r.topic(), null, r.timestamp(), r.key(), r.value()));
                }
                for (int p = 0; p < PARTITIONS; p++) {
                    producer.send(new ProducerRecord<>(prefix + "clock", p, step.tick().toEpochMilli(), "tick-" + p,
                            Json.write(new Tick(step.tick()))));
                }
                producer.commitTransaction();
            }
        }
    }

    static List<Alert> readUntilQuiet(String topic) {
        return AlertsUntilQuiet.read(Map.of("bootstrap.servers", EmbeddedKafkaBroker.shared().bootstrapServers()), topic,
                Duration.ofSeconds(15), Duration.ofMinutes(5));
    }
}
