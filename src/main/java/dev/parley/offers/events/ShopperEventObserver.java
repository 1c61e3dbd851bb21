package dev.parley.offers.events;

import java.util.List;

/**
 * Told about newly stored events (never duplicates), inside the storing transaction: demand pricing counts
 * views and carts, the engine turns offer reactions into rewards.
 */
public interface ShopperEventObserver {

    void onEvents(List<ShopperEvent> events);
}
