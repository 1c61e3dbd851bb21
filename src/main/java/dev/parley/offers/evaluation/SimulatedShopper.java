package dev.parley.offers.evaluation;

import dev.parley.offers.profile.ShopperProfile;

import java.util.Map;

/**
 * A synthetic shopper: hidden preferences the engine never sees directly (only through the events they cause)
 * and the profile the engine builds from those events.
 *
 * @param preferences      category -> taste 0..1 (the truth behind views, carts and clicks)
 * @param priceSensitivity 0..1, how much a deeper discount pulls
 * @param lifeEvent        the life event they are going through, or null
 * @param revealsLifeEvent whether they will mention it in conversation
 * @param buyRate          chance that a session ends with a purchase
 */
record SimulatedShopper(String id, Map<String, Double> preferences, String favouriteBrand, double priceSensitivity,
                        String lifeEvent, boolean revealsLifeEvent, double buyRate, ShopperProfile profile) {

    double preference(String category) {
        return preferences.getOrDefault(category, 0.0);
    }
}
