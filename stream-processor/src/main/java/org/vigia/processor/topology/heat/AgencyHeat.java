package org.vigia.processor.topology.heat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.events.AlertDetails.Headline;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;

/**
 * What the news heat keeps per agency (store {@code agency-heat}): the heat as of {@code at}
 * (decayed lazily), the newest headlines, how many unfinished commitments the agency has and in
 * which plans (the commitments themselves are in {@code agency-members}), and the firing
 * SENSITIVITY_SPIKE episode if any.
 */
public final class AgencyHeat {
    public static final int HEADLINES = 5;
    public static final long NONE = Long.MIN_VALUE;

    public double heat;
    public long at = NONE;
    public final List<Headline> headlines = new ArrayList<>(HEADLINES);
    public int unfinished;
    /** planId → unfinished commitments of the agency in that plan. */
    public final Map<String, Integer> plans = new TreeMap<>();
    public String episodeId;
    public long episodeSince = NONE;
    public int idDay;
    public int idCount;

    /** Binary serde of the {@code agency-heat} store. */
    public static final class Codec implements Serde<AgencyHeat> {
        private static final int VERSION = 1;

        static byte[] encode(AgencyHeat h) {
            BinaryWriter w = new BinaryWriter(256).u8(VERSION).f64(h.heat).i64(h.at).var(h.headlines.size());
            for (Headline x : h.headlines) {
                w.str(x.title()).str(x.url()).str(x.outlet()).i64(x.publishedAt().toEpochMilli());
            }
            w.var(h.unfinished).var(h.plans.size());
            h.plans.forEach((plan, n) -> w.str(plan).var(n));
            return w.str(h.episodeId).i64(h.episodeSince).var(h.idDay).var(h.idCount).toBytes();
        }

        static AgencyHeat decode(byte[] b) {
            BinaryReader r = new BinaryReader(b).version(VERSION, "agency-heat");
            AgencyHeat h = new AgencyHeat();
            h.heat = r.f64();
            h.at = r.i64();
            int headlines = r.varInt();
            for (int i = 0; i < headlines; i++) {
                h.headlines.add(new Headline(r.str(), r.str(), r.str(), java.time.Instant.ofEpochMilli(r.i64())));
            }
            h.unfinished = r.varInt();
            int plans = r.varInt();
            for (int i = 0; i < plans; i++) {
                h.plans.put(r.str(), r.varInt());
            }
            h.episodeId = r.str();
            h.episodeSince = r.i64();
            h.idDay = r.varInt();
            h.idCount = r.varInt();
            return h;
        }

        @Override
        public Serializer<AgencyHeat> serializer() {
            return (topic, h) -> h == null ? null : encode(h);
        }

        @Override
        public Deserializer<AgencyHeat> deserializer() {
            return (topic, b) -> b == null ? null : decode(b);
        }
    }
}
