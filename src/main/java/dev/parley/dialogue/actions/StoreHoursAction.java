package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.stores.StoreDirectory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * {@code store_hours} (answers the {@code opening_hours} intent): today's and the week's hours of the store in the
 * {@code city} slot, in the store's own time zone, and whether it is open right now.
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
    public List<String> requiredInputs() {
        return List.of(StoreFields.CITY);
    }

    @Override
    public ActionResult run(ActionContext context) {
        return inCity(context);
    }
}
