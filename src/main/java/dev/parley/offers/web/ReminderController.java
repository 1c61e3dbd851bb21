package dev.parley.offers.web;

import dev.parley.offers.triggers.DealReminder;
import dev.parley.offers.triggers.DealReminders;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;
import java.util.Set;

/** Queued deal-expiry reminders, for the channels (or an operator) to send and acknowledge. */
@Controller("/api/reminders")
public class ReminderController {

    private static final Set<String> STATUSES = Set.of("queued", "sent", "failed", "cancelled");

    private final DealReminders reminders;

    ReminderController(DealReminders reminders) {
        this.reminders = reminders;
    }

    @Get
    public List<DealReminder> list(@QueryValue @Nullable String status, @QueryValue @Nullable Integer limit) {
        String wanted = status == null ? "queued" : status.toLowerCase();
        if (!STATUSES.contains(wanted)) {
            throw ApiException.badRequest("invalid_status", "status must be one of " + STATUSES);
        }
        return reminders.withStatus(wanted, limit == null ? 100 : limit);
    }

    @Post("/{id}/sent")
    public void sent(long id) {
        if (!reminders.markSent(id)) {
            throw ApiException.notFound("reminder_not_found", "no reminder " + id);
        }
    }

    @Post("/{id}/cancel")
    public void cancel(long id) {
        if (!reminders.cancel(id)) {
            throw ApiException.notFound("reminder_not_found", "no reminder " + id);
        }
    }
}
