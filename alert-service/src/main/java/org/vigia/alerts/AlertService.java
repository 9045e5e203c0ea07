package org.vigia.alerts;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.alerts.api.DeliveryLogQuery;
import org.vigia.alerts.api.NotificationResource;
import org.vigia.alerts.api.NotificationView;
import org.vigia.alerts.api.SilenceResource;
import org.vigia.alerts.api.SubscriberScope;
import org.vigia.alerts.mail.EmailComposer;
import org.vigia.alerts.mail.SmtpMailer;
import org.vigia.alerts.pipeline.AlertPipeline;
import org.vigia.alerts.pipeline.Backoff;
import org.vigia.alerts.pipeline.Deduper;
import org.vigia.alerts.pipeline.DigestSchedule;
import org.vigia.alerts.pipeline.Grouper;
import org.vigia.alerts.pipeline.Reminders;
import org.vigia.alerts.pipeline.Router;
import org.vigia.alerts.pipeline.Sender;
import org.vigia.alerts.pipeline.SilenceStage;
import org.vigia.alerts.silence.SilenceStore;
import org.vigia.alerts.subscription.SubscriptionRegistry;
import org.vigia.alerts.topology.AlertStreams;
import org.vigia.alerts.topology.AlertTopics;
import org.vigia.alerts.topology.AlertTopology;
import org.vigia.alerts.topology.DispatchStatus;
import org.vigia.kit.HttpServer;
import org.vigia.kit.Metrics;
import org.vigia.kit.Parts;
import org.vigia.kit.Readiness;
import org.vigia.kit.RequestGuard;
import org.vigia.kit.Service;
import org.vigia.kit.TokenStore;
import org.vigia.kit.TopicCreator;

/**
 * The alert service: the {@link AlertPipeline} run by Kafka Streams ({@link AlertTopology}),
 * silences and the delivery log over HTTP. Any number of instances share one application id;
 * Kafka spreads the subscribers over them and moves them when one goes away.
 * {@link #start()} returns once Kafka Streams is RUNNING.
 */
public final class AlertService implements Service {
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final int MAX_EMAILS_PER_PASS = 20;

    private final AlertSettings settings;
    private final Clock clock;
    private final PrometheusMeterRegistry registry = Metrics.registry("alert-service");
    private final AlertMetrics metrics = new AlertMetrics(registry);
    private final SubscriptionRegistry subscriptions;
    private final DispatchStatus status = new DispatchStatus(Duration.ofHours(1));
    private SilenceStore silences;
    private HttpServer http;
    private AlertStreams streams;
    private DeliveryLogQuery deliveryLog;
    private final Parts parts = new Parts("alert-service");
    private volatile boolean started;

    public AlertService(AlertSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock the service's notion of now (group waits, reminders, digests, rate limit, silences) */
    public AlertService(AlertSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.subscriptions = new SubscriptionRegistry(settings.subscriptionsFile(), registry);
    }

    @Override
    public void start() {
        Parts.startOrClose(this, this::startParts);
    }

    private void startParts() {
        subscriptions.loadInitial();
        AlertTopics topics = AlertTopics.of(settings.kafka().topics());
        TopicCreator.ensure(settings.kafka(), topics.toCreate());
        silences = parts.add("silences", SilenceStore.start(settings.kafka().clientProperties(), topics.silences(),
                settings.applicationId()));
        deliveryLog = new DeliveryLogQuery(() -> streams.streams(), this::self);
        SubscriberScope scope = new SubscriberScope(
                new RequestGuard(settings.tokensFile().map(TokenStore::load).orElseGet(TokenStore::empty)));
        http = parts.add("http", HttpServer.start(settings.httpHost(), settings.httpPort(), HttpServer.DEFAULT_MAX_BODY, registry,
                this::readiness, routes -> {
                    new SilenceResource(silences, scope, clock).register(routes);
                    new NotificationResource(deliveryLog, scope).register(routes);
                }));
        HostInfo self = self();
        streams = AlertStreams.start(AlertTopology.build(topics, pipeline(), metrics, status, clock, TICK),
                new AlertStreams.Config(settings.kafka(), settings.applicationId(), settings.stateDir().toAbsolutePath().toString(),
                        self, settings.standbyReplicas(), settings.commitInterval(), topics.deadLetter()), registry);
        parts.add("kafka streams", streams);
        metrics.gauge("vigia.notifications.pending", "Notifications owed: in a group wait, a digest, a rate-limit slot or a retry",
                status::pending);
        metrics.gauge("vigia.notifications.retry.backlog", "Notifications waiting for a retry after a failed attempt", status::retrying);
        metrics.gauge("vigia.alert.service.degraded", "1 while alerts set aside in the last hour make /ready report DEGRADED",
                () -> status.degradedReasons().isEmpty() ? 0 : 1);
        ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "subscriptions-reload"));
        parts.onClose("subscriptions reload", reloader::shutdownNow);
        long poll = settings.subscriptionsPoll().toMillis();
        reloader.scheduleWithFixedDelay(this::reloadSubscriptions, poll, poll, TimeUnit.MILLISECONDS);
        started = true;
        log.info("alert service {} ready: {} subscription(s), SMTP {}", settings.applicationId(), subscriptions.current().size(),
                settings.smtp());
    }

    /** The stages in pipeline order, from the settings. */
    private AlertPipeline pipeline() {
        Grouper grouper = new Grouper(settings.groupWait(), new DigestSchedule(settings.digestTime(), settings.digestZone()));
        Sender sender = new Sender(new SmtpMailer(settings.smtp()),
                new EmailComposer(settings.panelUrl(), settings.digestZone(), settings.subscriptionContact()),
                new Backoff(settings.smtp().initialBackoff(), settings.smtp().maxBackoff()));
        AlertPipeline.Stages stages = new AlertPipeline.Stages(new Router(), new Deduper(),
                new Reminders(settings.repeatInterval(), grouper), grouper, new SilenceStage(), sender, settings.rateLimitPerHour());
        return new AlertPipeline(stages, subscriptions::current, silences::all, metrics, MAX_EMAILS_PER_PASS);
    }

    private HostInfo self() {
        return HostInfo.buildFromEndpoint(settings.advertisedHost().orElse("127.0.0.1:" + http.port()));
    }

    private void reloadSubscriptions() {
        try {
            subscriptions.reloadIfChanged();
        } catch (RuntimeException e) {
            log.error("subscriptions reload failed: {}", e.getMessage());
        }
    }

    private Readiness readiness() {
        return new Readiness(ready(), status.degradedReasons());
    }

    @Override
    public boolean ready() {
        return started && silences.following() && streams.running();
    }

    public int httpPort() {
        return http.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Graceful stop: the tasks commit what they did and leave the group, so others take over at once. */
    @Override
    public void close() {
        started = false;
        parts.close();
    }

    /** The delivery log of one subscriber and alert, newest first: for tests. */
    List<NotificationView> deliveryLog(String subscriber, String alertId) {
        return deliveryLog.query(subscriber, alertId, 1000, null, false);
    }

    /** What this instance's tasks report: for tests that wait on the service. */
    DispatchStatus status() {
        return status;
    }
}
