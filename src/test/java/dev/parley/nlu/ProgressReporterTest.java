package dev.parley.nlu;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressReporterTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    @Test
    void printsAtMostOncePerIntervalAndAtTheEnd() {
        ProgressReporter progress = new ProgressReporter(out, "training", 10, Duration.ofSeconds(2), clock::get);
        for (int i = 0; i < 10; i++) {
            clock.addAndGet(Duration.ofMillis(700).toNanos());
            progress.step();
        }
        progress.done();
        assertEquals(List.of("training: 3/10 (30.0%) 2.1s", "training: 6/10 (60.0%) 4.2s",
                "training: 9/10 (90.0%) 6.3s", "training: 10/10 (100.0%) 7.0s"), lines());
    }

    @Test
    void doneReportsALoopThatStoppedEarly() {
        ProgressReporter progress = new ProgressReporter(out, "evaluating", 1000, Duration.ofSeconds(2), clock::get);
        progress.advance(250);
        clock.addAndGet(Duration.ofMillis(500).toNanos());
        progress.done();
        progress.done();
        assertEquals(List.of("evaluating: 250/1000 (25.0%) 0.5s"), lines());
    }

    private List<String> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
