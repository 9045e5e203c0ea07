package org.vigia.alerts;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigia.alerts.log.NotificationJournal;
import org.vigia.alerts.log.NotificationLog;
import org.vigia.alerts.log.NotificationResource;
import org.vigia.alerts.log.State;
import org.vigia.alerts.mail.EmailComposer;
import org.vigia.alerts.mail.Mailer;
import org.vigia.alerts.mail.SmtpMailer;
import org.vigia.alerts.pipeline.AlertIntake;
import org.vigia.alerts.pipeline.Backoff;
import org.vigia.alerts.pipeline.Deduper;
import org.vigia.alerts.pipeline.DigestSchedule;
import org.vigia.alerts.pipeline.Dispatcher;
import org.vigia.alerts.pipeline.Grouper;
import org.vigia.alerts.pipeline.RateLimiter;
import org.vigia.alerts.pipeline.Recorder;
import org.vigia.alerts.pipeline.Router;
import org.vigia.alerts.pipeline.SilenceStage;
import org.vigia.alerts.silence.SilenceResource;
import org.vigia.alerts.silence.SilenceStore;
import org.vigia.alerts.subscription.SubscriptionRegistry;
import org.vigia.events.Topics;
import org.vigia.kit.HttpServer;
import org.vigia.kit.Metrics;
import org.vigia.kit.Service;
import org.vigia.kit.TokenStore;
import org.vigia.kit.TopicCreator;

/**
 * The alert service: reads {@code vigia.alerts}, emails subscribers, serves silences and the
 * delivery log. Two threads do the work — the intake (consume → route → dedupe → write
 * pending) and the dispatcher (group → silence → dedupe → rate-limit → send → record) — and
 * share only the notification log, which is also what survives a restart.
 *
 * <p>One instance per consumer group: the partitions of {@code vigia.alerts} are assigned,
 * not subscribed, and the pending notifications of the whole log are this instance's to send.
 */
public final class AlertService implements Service {
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    private static final Duration TICK = Duration.ofMillis(100);

    private final AlertSettings settings;
    private final Clock clock;
    private final PrometheusMeterRegistry registry = Metrics.registry("alert-service");
    private final AlertMetrics metrics = new AlertMetrics(registry);
    private final SubscriptionRegistry subscriptions;
    private final NotificationLog notificationLog = new NotificationLog();
    private final AtomicLong dispatchPasses = new AtomicLong();
    private final List<AutoCloseable> binders = new ArrayList<>();

    private volatile boolean running;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;
    private AlertIntake intake;
    private Dispatcher dispatcher;
    private Thread intakeThread;
    private Thread dispatcherThread;
    private ScheduledExecutorService reloader;
    private HttpServer http;

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
    public synchronized void start() {
        subscriptions.loadInitial();
        TokenStore tokens = settings.tokensFile().map(TokenStore::load).orElseGet(TokenStore::empty);
        Topics topics = settings.kafka().topics();
        TopicCreator.ensure(settings.kafka(), List.of(topics.alerts, topics.silences, topics.notificationLog));

        Map<String, Object> readProps = settings.kafka().clientProperties();
        int restored = NotificationJournal.restore(readProps, topics.notificationLog.name(), notificationLog);
        log.info("restored {} notification-log record(s), {} pending", restored, notificationLog.pending().size());

        producer = new KafkaProducer<>(settings.kafka().clientProperties(Map.of(
                "acks", "all", "enable.idempotence", "true", "linger.ms", "0",
                "client.id", settings.consumerGroup() + "-producer")), new StringSerializer(), new ByteArraySerializer());
        binders.add(bind(new KafkaClientMetrics(producer)));
        SilenceStore silences = new SilenceStore(topics.silences.name(), producer);
        silences.restore(readProps);

        NotificationJournal journal = new NotificationJournal(topics.notificationLog.name(), producer, notificationLog);
        RateLimiter rateLimiter = new RateLimiter(settings.rateLimitPerHour());
        rateLimiter.restore(notificationLog.snapshot());
        Grouper grouper = new Grouper(settings.groupWait(), new DigestSchedule(settings.digestTime(), settings.digestZone()));
        Deduper deduper = new Deduper();
        Mailer mailer = new SmtpMailer(settings.smtp());
        dispatcher = new Dispatcher(clock, journal, subscriptions, silences, new Dispatcher.Stages(grouper, new SilenceStage(), deduper,
                rateLimiter, new Backoff(settings.smtp().initialBackoff(), settings.smtp().maxBackoff()), mailer,
                new EmailComposer(settings.panelUrl(), settings.digestZone()), new Recorder(journal)), metrics, settings.repeatInterval());

        consumer = new KafkaConsumer<>(settings.kafka().clientProperties(Map.of(
                "group.id", settings.consumerGroup(),
                "client.id", settings.consumerGroup() + "-consumer",
                "enable.auto.commit", "false",
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed",
                "max.poll.records", "500")), new StringDeserializer(), new ByteArrayDeserializer());
        binders.add(bind(new KafkaClientMetrics(consumer)));
        String alertsTopic = topics.alerts.name();
        consumer.assign(consumer.partitionsFor(alertsTopic, Duration.ofSeconds(60)).stream()
                .map(p -> new TopicPartition(alertsTopic, p.partition())).toList());
        intake = new AlertIntake(consumer, clock, journal, subscriptions, new Router(), deduper, grouper, metrics);

        metrics.gauge("vigia.notifications.retry.backlog", "Notifications waiting for a retry after a failed send",
                dispatcher::retryBacklog);
        metrics.gauge("vigia.notifications.pending", "Notifications owed: in a group wait, a digest, a rate-limit slot or a retry",
                () -> notificationLog.pending().size());

        running = true;
        intakeThread = new Thread(this::intakeLoop, "alert-intake");
        dispatcherThread = new Thread(this::dispatchLoop, "alert-dispatcher");
        intakeThread.start();
        dispatcherThread.start();
        reloader = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "subscriptions-reload"));
        long poll = settings.subscriptionsPoll().toMillis();
        reloader.scheduleWithFixedDelay(this::reloadSubscriptions, poll, poll, TimeUnit.MILLISECONDS);
        http = HttpServer.start(settings.httpHost(), settings.httpPort(), registry, this::ready, routes -> {
            new SilenceResource(silences, tokens, clock).register(routes);
            new NotificationResource(notificationLog).register(routes);
        });
        log.info("alert service ready: {} subscription(s), SMTP {}", subscriptions.current().size(), settings.smtp());
    }

    private AutoCloseable bind(KafkaClientMetrics binder) {
        binder.bindTo(registry);
        return binder;
    }

    private void reloadSubscriptions() {
        try {
            subscriptions.reloadIfChanged();
        } catch (RuntimeException e) {
            log.error("subscriptions reload failed: {}", e.getMessage());
        }
    }

    private void intakeLoop() {
        while (running) {
            try {
                intake.pollOnce(Duration.ofMillis(200), () -> running);
            } catch (WakeupException | InterruptException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.error("alert intake failed, re-reading from the last committed offsets: {}", e.getMessage(), e);
                rewindToCommitted();
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }

    /** After a failed batch, start again from what was committed: nothing uncommitted is skipped. */
    private void rewindToCommitted() {
        try {
            Set<TopicPartition> assigned = consumer.assignment();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned, Duration.ofSeconds(30));
            Map<TopicPartition, Long> fallback = new HashMap<>();
            for (TopicPartition tp : assigned) {
                OffsetAndMetadata c = committed.get(tp);
                if (c != null) {
                    consumer.seek(tp, c);
                } else {
                    fallback.put(tp, 0L);
                }
            }
            if (!fallback.isEmpty()) {
                consumer.seekToBeginning(fallback.keySet());
            }
        } catch (RuntimeException e) {
            log.error("cannot rewind the alert consumer: {}", e.getMessage());
        }
    }

    private void dispatchLoop() {
        while (running) {
            try {
                dispatcher.runOnce();
                dispatchPasses.incrementAndGet();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.error("dispatch failed, retrying: {}", e.getMessage(), e);
            }
            LockSupport.parkNanos(TICK.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    @Override
    public boolean ready() {
        return running && intakeThread != null && intakeThread.isAlive() && dispatcherThread.isAlive();
    }

    public int httpPort() {
        if (http == null) {
            throw new IllegalStateException("not started");
        }
        return http.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Graceful stop: the current batch and send finish, offsets of finished work are committed. */
    @Override
    public synchronized void close() {
        boolean wasRunning = running;
        running = false;
        if (consumer != null && wasRunning) {
            consumer.wakeup();
        }
        join(intakeThread, Duration.ofSeconds(15));
        join(dispatcherThread, Duration.ofSeconds(15));
        shutdown(Duration.ofSeconds(5));
    }

    /**
     * Simulates a crash, for tests: both worker threads are interrupted wherever they are, the
     * current batch is not committed, and the producer is closed without waiting, dropping
     * whatever it had not yet sent.
     */
    synchronized void halt() {
        running = false;
        if (intakeThread != null) {
            intakeThread.interrupt();
            dispatcherThread.interrupt();
        }
        join(intakeThread, Duration.ofSeconds(15));
        join(dispatcherThread, Duration.ofSeconds(15));
        shutdown(Duration.ZERO);
    }

    private void shutdown(Duration timeout) {
        if (reloader != null) {
            reloader.shutdownNow();
        }
        if (http != null) {
            http.close();
        }
        for (AutoCloseable b : binders) {
            try {
                b.close();
            } catch (Exception e) {
                log.debug("closing metrics binder: {}", e.getMessage());
            }
        }
        binders.clear();
        if (consumer != null) {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(timeout));
            consumer = null;
        }
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }

    private static void join(Thread t, Duration timeout) {
        if (t == null) {
            return;
        }
        try {
            t.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // What tests observe to wait for the service to catch up.

    long intakeProcessed() {
        return intake == null ? 0 : intake.processed();
    }

    long dispatchPasses() {
        return dispatchPasses.get();
    }

    String settingsTopicAlerts() {
        return settings.kafka().topics().alerts.name();
    }

    NotificationLog notificationLog() {
        return notificationLog;
    }

    long pending() {
        return notificationLog.pending().stream().filter(n -> n.state() == State.PENDING).count();
    }
}
