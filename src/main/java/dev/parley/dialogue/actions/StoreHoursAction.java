package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.stores.StoreDirectory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * {@code store_hours} (answers the {@code opening_hours} intent): the week's and today's hours of the store in the
 * {@code city} slot, in the store's own time zone, and whether it is open right now. Without a city: no fields, so
 * the intent's general answer (which asks for the city) is said, and the city is waited for.
 */
@Singleton
class StoreHoursAction extends StoreAction {

    @Inject
    StoreHoursAction(StoreDirectory stores) {
        this(stores, Clock.systemUTC());
    }

    StoreHoursAction(StoreDirectory stores, Clock clock) {
        super(stores, clock);
    }

    @Override
    public String name() {
        return "store_hours";
    }

    @Override
    public Set<String> optionalInputs() {
        return Set.of(StoreFields.CITY);
    }

    @Override
    public ActionResult run(ActionContext context) {
        return context.slot(StoreFields.CITY) == null ? ActionResult.awaiting(StoreFields.CITY, Map.of())
                : inCity(context);
    }
}
