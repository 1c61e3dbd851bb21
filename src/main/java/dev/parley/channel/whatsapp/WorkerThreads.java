package dev.parley.channel.whatsapp;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads for the channel's background work: they never keep the JVM from stopping. */
final class WorkerThreads {

    private WorkerThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
