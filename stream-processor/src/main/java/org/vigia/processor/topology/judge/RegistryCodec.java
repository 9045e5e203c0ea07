package org.vigia.processor.topology.judge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.vigia.events.Commitment;
import org.vigia.events.Milestone;
import org.vigia.events.Origin;
import org.vigia.events.RiskFactor;
import org.vigia.events.RiskLevel;
import org.vigia.processor.topology.BinaryReader;
import org.vigia.processor.topology.BinaryWriter;

/**
 * The registry entry of a commitment in the judge's {@code commitment-registry} store, in a
 * compact binary form: it is read on every report, so it must decode in well under a
 * microsecond, which JSON does not. Enums are written by name, so reordering one cannot
 * silently change stored state. Version 2 adds the plan's cut-off dates at the end; version 1
 * entries (without them) are still read.
 */
public final class RegistryCodec implements Serde<Commitment> {
    private static final int VERSION = 2;
    private static final int WITHOUT_CUTOFFS = 1;
    private static final long NONE = Long.MIN_VALUE;

    public static byte[] encode(Commitment c) {
        BinaryWriter w = new BinaryWriter(256).u8(VERSION);
        w.str(c.id()).str(c.planId()).str(c.country()).str(c.title()).str(c.agency()).str(c.sector()).str(c.leadCso())
                .str(c.origin() == null ? null : c.origin().name())
                .var(day(c.startDate())).var(day(c.dueDate()))
                .var(c.stallAfterDays() == null ? -1 : c.stallAfterDays());
        w.var(c.milestones().size());
        for (Milestone m : c.milestones()) {
            w.str(m.id()).str(m.title()).f64(m.weight()).var(day(m.dueDate()));
        }
        w.var(c.riskFactors().size());
        c.riskFactors().forEach((factor, level) -> w.str(factor.name()).str(level.name()));
        w.var(c.cutoffs().size());
        c.cutoffs().forEach(d -> w.var(day(d)));
        return w.toBytes();
    }

    public static Commitment decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes);
        int version = r.versionIn(WITHOUT_CUTOFFS, VERSION, "commitment-registry");
        String id = r.str();
        String planId = r.str();
        String country = r.str();
        String title = r.str();
        String agency = r.str();
        String sector = r.str();
        String leadCso = r.str();
        String origin = r.str();
        LocalDate start = date(r.var());
        LocalDate due = date(r.var());
        int stall = r.varInt();
        int milestones = r.varInt();
        List<Milestone> ms = new ArrayList<>(milestones);
        for (int i = 0; i < milestones; i++) {
            ms.add(new Milestone(r.str(), r.str(), r.f64(), date(r.var())));
        }
        int factors = r.varInt();
        Map<RiskFactor, RiskLevel> risks = new EnumMap<>(RiskFactor.class);
        for (int i = 0; i < factors; i++) {
            risks.put(RiskFactor.valueOf(r.str()), RiskLevel.valueOf(r.str()));
        }
        List<LocalDate> cutoffs = new ArrayList<>();
        int count = version == WITHOUT_CUTOFFS ? 0 : r.varInt();
        for (int i = 0; i < count; i++) {
            cutoffs.add(date(r.var()));
        }
        return new Commitment(id, planId, country, title, agency, sector, leadCso,
                origin == null ? null : Origin.valueOf(origin), start, due, stall < 0 ? null : stall, ms, risks,
                cutoffs);
    }

    private static long day(LocalDate d) {
        return d == null ? NONE : d.toEpochDay();
    }

    private static LocalDate date(long epochDay) {
        return epochDay == NONE ? null : LocalDate.ofEpochDay(epochDay);
    }

    @Override
    public Serializer<Commitment> serializer() {
        return (topic, c) -> c == null ? null : encode(c);
    }

    @Override
    public Deserializer<Commitment> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }
}
