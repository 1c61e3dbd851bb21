package dev.parley.offers.profile;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;
import java.util.Map;

/**
 * parley.offers.profile.*: how profiles are derived from events.
 *
 * @param affinityHalfLifeDays category/brand/colour/size affinities halve after this many days without signal
 * @param lapsedDays           a buyer with no purchase for this long is "lapsed"
 * @param vipClv               customer-lifetime-value estimate from which a shopper is "vip"
 * @param lifeEventDays        life event -> days it stays relevant; its keys are the known life events
 * @param lifeEventIntents     conversation intent -> the life event it reveals
 * @param lifeEventCategories  life event -> categories whose purchases or cart adds reveal it
 * @param lifeEventMinSignals  distinct such categories within 60 days needed to detect it
 */
@ConfigurationProperties("parley.offers.profile")
public record ProfileSettings(
        @Bindable(defaultValue = "30") double affinityHalfLifeDays,
        @Bindable(defaultValue = "120") int lapsedDays,
        @Bindable(defaultValue = "1000") double vipClv,
        Map<String, Integer> lifeEventDays,
        Map<String, String> lifeEventIntents,
        Map<String, List<String>> lifeEventCategories,
        @Bindable(defaultValue = "2") int lifeEventMinSignals) {

    public ProfileSettings {
        lifeEventDays = normalise(lifeEventDays == null || lifeEventDays.isEmpty() ? Map.of(
                "moving_home", 90, "new_baby", 365, "student", 365, "wedding", 180) : lifeEventDays);
        lifeEventIntents = normalise(lifeEventIntents == null || lifeEventIntents.isEmpty() ? Map.of(
                "moving_home", "moving_home", "new_baby", "new_baby", "expecting_baby", "new_baby",
                "starting_studies", "student", "student_discount", "student", "wedding", "wedding")
                : lifeEventIntents);
        lifeEventCategories = normalise(lifeEventCategories == null || lifeEventCategories.isEmpty() ? Map.of(
                "new_baby", List.of("diapers", "cribs", "strollers", "car seats", "baby monitors", "baby clothes"),
                "moving_home", List.of("moving boxes", "storage boxes", "sofas", "rugs")) : lifeEventCategories);
    }

    public static ProfileSettings defaults() {
        return new ProfileSettings(30, 120, 1000, null, null, null, 2);
    }

    double halfLifeMillis() {
        return affinityHalfLifeDays * 86_400_000d;
    }

    /** Configuration keys may arrive kebab-cased (moving-home); life events and intents use snake_case. */
    private static <V> Map<String, V> normalise(Map<String, V> map) {
        Map<String, V> out = new java.util.LinkedHashMap<>();
        map.forEach((key, value) -> out.put(key.replace('-', '_').toLowerCase(), value));
        return Map.copyOf(out);
    }
}
