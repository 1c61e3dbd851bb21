package dev.parley.offers.triggers;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the channels: records the reminders the engine announces. */
@Singleton
class ReminderProbe {

    final List<DealReminder> announced = new CopyOnWriteArrayList<>();

    @EventListener
    void on(DealReminderQueued event) {
        announced.add(event.reminder());
    }
}
