package dev.parley.offers.triggers;

/**
 * Published (Micronaut application event) for every reminder queued. The channels feature listens, sends it
 * within the channel's rules (e.g. WhatsApp templates outside the 24-hour window) and reports back through
 * {@link DealReminders#markSent} or {@link DealReminders#markFailed}.
 */
public record DealReminderQueued(DealReminder reminder) {
}
