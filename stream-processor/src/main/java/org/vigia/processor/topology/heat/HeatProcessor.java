package org.vigia.processor.topology.heat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.vigia.events.Alert;
import org.vigia.events.AlertDetails.Resolution;
import org.vigia.events.NewsSignal;
import org.vigia.processor.topology.AlertLog;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;
import org.vigia.processor.topology.RejectedRecordException;
import org.vigia.processor.topology.StoreNames;
import org.vigia.processor.topology.Thresholds;
import org.vigia.processor.topology.TopologyObserver;
import org.vigia.processor.topology.heat.HeatInput.Membership;
import org.vigia.processor.topology.heat.HeatInput.Watermark;

/**
 * The news heat's sub-topology, keyed by agency: it reads the news topic and what the judge
 * tells it (which agencies have unfinished commitments, and how far each judge partition has
 * judged), and raises agency-wide SENSITIVITY_SPIKE alerts.
 *
 * <p>Determinism: news and membership changes wait in {@code heat-pending} until every judge
 * partition's watermark has passed them, and are then applied in event-time order (membership
 * before news at the same instant). So a spike is judged on the same membership however the
 * partitions were interleaved — live, replayed or from scratch. An input that arrives behind
 * the watermark is applied at once and counted as late.
 */
public final class HeatProcessor implements Processor<String, Object, String, Alert> {
    private static final int MAX_LISTED = 50;
    private static final String G = "G";

    private final NewsHeat heat;
    private final int judgePartitions;
    private final TopologyObserver observer;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, AgencyHeat> agencies;
    private KeyValueStore<Bytes, String> members;
    private KeyValueStore<Bytes, byte[]> pending;
    private KeyValueStore<Bytes, byte[]> seen;
    private KeyValueStore<String, Long> watermarks;
    private AlertLog log;

    public HeatProcessor(Thresholds thresholds, int judgePartitions, TopologyObserver observer) {
        this.heat = new NewsHeat(thresholds);
        this.judgePartitions = judgePartitions;
        this.observer = observer;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        agencies = context.getStateStore(StoreNames.AGENCY_HEAT);
        members = context.getStateStore(StoreNames.AGENCY_MEMBERS);
        pending = context.getStateStore(StoreNames.HEAT_PENDING);
        seen = context.getStateStore(StoreNames.HEAT_SEEN);
        watermarks = context.getStateStore(StoreNames.HEAT_WATERMARKS);
        log = new AlertLog(context.getStateStore(StoreNames.AGENCY_ALERT_LOG));
    }

    @Override
    public void process(Record<String, Object> record) {
        Object v = record.value();
        if (v instanceof NewsSignal news) {
            news(record.key(), news);
        } else if (v instanceof Membership m) {
            if (m.at() <= watermark()) {
                observer.late("membership");
                apply(m);
            } else {
                pending.put(pendingKey(m.at(), 0, m.agency(), m.commitmentId()), PendingCodec.membership(m));
            }
        } else if (v instanceof Watermark w) {
            advance(w);
        }
    }

    private void news(String agency, NewsSignal news) {
        if (!news.agencies().contains(agency)) {
            throw new RejectedRecordException("news key '" + agency + "' is not one of its agencies " + news.agencies());
        }
        Bytes id = key(agency, news.id());
        if (seen.get(id) != null) {
            return; // the same item again (a feed re-polled, a replay repeated): counted once
        }
        seen.put(id, new byte[0]);
        long t = news.publishedAt().toEpochMilli();
        if (t <= watermark()) {
            observer.late("news");
            applyNews(agency, news, t);
        } else {
            pending.put(pendingKey(t, 1, agency, news.id()), PendingCodec.news(agency, news));
        }
    }

    private long watermark() {
        Long g = watermarks.get(G);
        return g == null ? Long.MIN_VALUE : g;
    }

    private void advance(Watermark w) {
        String p = String.valueOf(w.partition());
        Long before = watermarks.get(p);
        if (before != null && before >= w.at()) {
            return;
        }
        watermarks.put(p, w.at());
        long g = Long.MAX_VALUE;
        for (int i = 0; i < judgePartitions; i++) {
            Long wm = watermarks.get(String.valueOf(i));
            if (wm == null) {
                return; // not every judge partition has spoken yet
            }
            g = Math.min(g, wm);
        }
        long current = watermark();
        if (g <= current) {
            return;
        }
        release(g);
        coolAll(g);
        watermarks.put(G, g);
    }

    /** Applies every pending input up to {@code g}, in event-time order. */
    private void release(long g) {
        List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = pending.range(null, pendingKey(g, 9, null, null))) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<Bytes, byte[]> e : due) {
            pending.delete(e.key);
            Object item = PendingCodec.decode(e.value);
            if (item instanceof Membership m) {
                apply(m);
            } else if (item instanceof PendingCodec.News n) {
                applyNews(n.agency(), n.news(), n.news().publishedAt().toEpochMilli());
            }
        }
    }

    private void coolAll(long g) {
        List<KeyValue<String, AgencyHeat>> firing = new ArrayList<>();
        try (KeyValueIterator<String, AgencyHeat> it = agencies.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.episodeId != null) {
                    firing.add(kv);
                }
            });
        }
        for (KeyValue<String, AgencyHeat> kv : firing) {
            if (cool(kv.key, kv.value, g)) {
                agencies.put(kv.key, kv.value);
            }
        }
    }

    /** Resolves the agency's spike if its heat fell below the threshold at or before {@code until}. */
    private boolean cool(String agency, AgencyHeat s, long until) {
        if (s.episodeId == null) {
            return false;
        }
        long t = heat.coolsAt(s);
        if (t == AgencyHeat.NONE || t > until) {
            return false;
        }
        emit(heat.resolve(agency, s, t, Resolution.COOLED_DOWN, unfinished(agency)));
        return true;
    }

    private void applyNews(String agency, NewsSignal news, long t) {
        AgencyHeat s = stateOf(agency);
        cool(agency, s, t - 1);
        heat.add(s, news, Math.max(t, s.at));
        emit(heat.fireIfHot(agency, s, s.at, unfinished(agency)));
        agencies.put(agency, s);
    }

    private void apply(Membership m) {
        AgencyHeat s = stateOf(m.agency());
        long t = Math.max(m.at(), s.at == AgencyHeat.NONE ? m.at() : s.at);
        cool(m.agency(), s, t - 1);
        Bytes key = key(m.agency(), m.commitmentId());
        String plan = members.get(key);
        if (plan != null) {
            s.unfinished--;
            s.plans.computeIfPresent(plan, (p, n) -> n <= 1 ? null : n - 1);
            members.delete(key);
        }
        if (m.unfinished() && !m.removed()) {
            members.put(key, m.planId());
            s.unfinished++;
            s.plans.merge(m.planId(), 1, Integer::sum);
        }
        if (s.episodeId != null && s.unfinished == 0) {
            emit(heat.resolve(m.agency(), s, t, Resolution.NOTHING_UNFINISHED, List.of()));
        } else {
            emit(heat.fireIfHot(m.agency(), s, t, unfinished(m.agency())));
        }
        agencies.put(m.agency(), s);
    }

    /** The first few unfinished commitments of the agency, in id order (for the alert's details). */
    private List<String> unfinished(String agency) {
        List<String> ids = new ArrayList<>();
        byte[] prefix = prefix(agency);
        try (KeyValueIterator<Bytes, String> it = members.prefixScan(prefix, new PrefixSerializer())) {
            while (it.hasNext() && ids.size() < MAX_LISTED) {
                byte[] k = it.next().key.get();
                ids.add(new String(k, prefix.length, k.length - prefix.length, StandardCharsets.UTF_8));
            }
        }
        return ids;
    }

    private void emit(Alert alert) {
        if (alert != null) {
            context.forward(new Record<>(alert.key(), alert, alert.raisedAt().toEpochMilli()));
            log.append(alert);
            observer.alert(alert);
        }
    }

    private AgencyHeat stateOf(String agency) {
        AgencyHeat s = agencies.get(agency);
        return s != null ? s : new AgencyHeat();
    }

    static Bytes key(String agency, String id) {
        return Bytes.wrap(new BinaryWriter(48).raw(prefix(agency)).raw(id.getBytes(StandardCharsets.UTF_8)).toBytes());
    }

    private static byte[] prefix(String agency) {
        return (agency + "\u0000").getBytes(StandardCharsets.UTF_8);
    }

    /** Pending inputs sort by event time, then kind (membership 0 before news 1), then agency and id. */
    static Bytes pendingKey(long at, int kind, String agency, String id) {
        BinaryWriter w = new BinaryWriter(64).i64(at ^ Long.MIN_VALUE).u8(kind);
        if (agency != null) {
            w.raw(prefix(agency)).raw(id.getBytes(StandardCharsets.UTF_8));
        }
        return Bytes.wrap(w.toBytes());
    }

    /** Passes a raw key prefix to {@code prefixScan}. */
    static final class PrefixSerializer implements org.apache.kafka.common.serialization.Serializer<byte[]> {
        @Override
        public byte[] serialize(String topic, byte[] data) {
            return data;
        }
    }

    /** The encoded form of a pending input. */
    static final class PendingCodec {
        record News(String agency, NewsSignal news) {
        }

        static byte[] membership(Membership m) {
            return new BinaryWriter(64).u8(0).raw(HeatInput.Codec.encode(m)).toBytes();
        }

        static byte[] news(String agency, NewsSignal n) {
            return new BinaryWriter(256).u8(1).str(agency).str(org.vigia.events.Json.writeString(n)).toBytes();
        }

        static Object decode(byte[] b) {
            if (b[0] == 0) {
                return HeatInput.Codec.decode(java.util.Arrays.copyOfRange(b, 1, b.length));
            }
            BinaryReader r = new BinaryReader(b, 1);
            String agency = r.str();
            return new News(agency, org.vigia.events.Json.read(r.str(), NewsSignal.class));
        }
    }
}
