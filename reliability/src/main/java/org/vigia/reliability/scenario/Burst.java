package org.vigia.reliability.scenario;

/** The plan with its cut-off day of 50,000 extra updates, posted by 8 clients as fast as ingest takes them. */
final class Burst implements Fault {
    @Override
    public String name() {
        return "burst-50k";
    }

    @Override
    public void arm(RunContext ctx) {
    }

    @Override
    public boolean burstPlan() {
        return true;
    }

    @Override
    public int clients() {
        return 8;
    }
}
