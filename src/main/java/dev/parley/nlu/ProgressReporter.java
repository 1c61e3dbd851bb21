package dev.parley.nlu;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long loop (training, evaluation) as lines like {@code embedding: 1500/15100 (9.9%) 12.3s}: at most
 * one line per interval (2 s by default) and one at the end. Pass {@code System.err} from CLI commands whose last
 * stdout line is read by scripts. Safe to call from several threads.
 */
public final class ProgressReporter {

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final PrintStream out;
    private final String label;
    private final int total;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastPrintNanos;
    private int done;
    private int lastPrinted = -1;

    public ProgressReporter(PrintStream out, String label, int total) {
        this(out, label, total, DEFAULT_INTERVAL, System::nanoTime);
    }

    ProgressReporter(PrintStream out, String label, int total, Duration interval, LongSupplier nanoClock) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    public void step() {
        advance(1);
    }

    public synchronized void advance(int count) {
        done += count;
        long now = nanoClock.getAsLong();
        if (done >= total || now - lastPrintNanos >= intervalNanos) {
            print(now);
        }
    }

    /** Prints the final line, unless the last step already did. */
    public synchronized void done() {
        if (lastPrinted != done) {
            print(nanoClock.getAsLong());
        }
    }

    private void print(long now) {
        double percent = total == 0 ? 100 : 100.0 * done / total;
        out.printf(Locale.ROOT, "%s: %d/%d (%.1f%%) %.1fs%n", label, done, total, percent, (now - startNanos) / 1e9);
        out.flush();
        lastPrintNanos = now;
        lastPrinted = done;
    }
}
