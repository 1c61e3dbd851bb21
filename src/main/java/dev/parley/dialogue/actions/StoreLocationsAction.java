package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.stores.StoreDirectory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Set;

/** {@code store_locations}: the stores in the {@code city} slot, or the cities with a store when none was named. */
@Singleton
class StoreLocationsAction extends StoreAction {

    StoreLocationsAction(StoreDirectory stores) {
        super(stores, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "store_locations";
    }

    @Override
    public Set<String> optionalInputs() {
        return Set.of(StoreFields.CITY);
    }

    @Override
    public ActionResult run(ActionContext context) {
        return context.slot(StoreFields.CITY) == null
                ? ActionResult.of(StoreFields.list(stores.all(), stores.cities())) : inCity(context);
    }
}
