package dev.parley.dialogue.actions;

import dev.parley.dialogue.ActionContext;
import dev.parley.dialogue.ActionResult;
import dev.parley.dialogue.DialogueAction;
import dev.parley.stores.Store;
import dev.parley.stores.StoreDirectory;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action about the stores in the {@code city} slot: the first store's details as {@code store.*} (hours in its
 * own time zone), the list as {@code stores.*}, or {@code no_store_in_city}.
 */
abstract class StoreAction implements DialogueAction {

    protected final StoreDirectory stores;
    private final Clock clock;

    StoreAction(StoreDirectory stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    protected ActionResult inCity(ActionContext context) {
        List<Store> inCity = stores.inCity(context.slot(StoreFields.CITY));
        Map<String, String> fields = new LinkedHashMap<>(StoreFields.list(inCity, stores.cities()));
        if (inCity.isEmpty()) {
            return ActionResult.respond("no_store_in_city", fields);
        }
        fields.putAll(StoreFields.of(inCity.get(0), context.facts().locale(), ZonedDateTime.now(clock)));
        return ActionResult.of(fields);
    }
}
