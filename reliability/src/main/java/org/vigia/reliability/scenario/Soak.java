package org.vigia.reliability.scenario;

import java.io.PrintStream;
import java.nio.file.Path;
import org.vigia.reliability.process.Jars;

/** The long run, by hand: placeholder until the sampling run is written. */
public final class Soak {
    private final Jars jars;
    private final Path work;
    private final PrintStream out;
    private final int minutes;
    private final int rate;

    public Soak(Jars jars, Path work, PrintStream out, int minutes, int rate) {
        this.jars = jars;
        this.work = work;
        this.out = out;
        this.minutes = minutes;
        this.rate = rate;
    }

    public int run() {
        out.println("soak: " + minutes + " min at " + rate + " updates/s against " + jars + " in " + work);
        return 2;
    }
}
