package dev.parley.offers.decision;

import dev.parley.catalog.Product;
import dev.parley.offers.offer.Audience;
import dev.parley.offers.offer.Offer;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The hard rules no learning may override: validity, audience (segment, life event, journey stage, channel,
 * minimum CLV, weather, intent, demographics), stock, per-shopper frequency cap, budget and redemption cap.
 * Recovery gestures are eligible only in a recovery decision and sales offers never are.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /**
     * @param impressionsInCapPeriod times this shopper saw the offer within its frequency-cap period
     * @param budgetLeft             whether the offer's budget and redemption cap allow one more
     * @param product                the in-stock product it would be shown with, null if none
     * @param recovery               the recovery reason of a recovery decision, null for a sales decision
     * @return empty when eligible, else the first rule that failed
     */
    public static Optional<String> rejection(Offer offer, DecisionContext context, int impressionsInCapPeriod,
                                             boolean budgetLeft, @Nullable Product product,
                                             @Nullable String recovery) {
        if (!offer.isValidAt(context.now())) {
            return Optional.of("not_valid_now");
        }
        Audience audience = offer.audience();
        if (recovery == null ? audience.isRecoveryGesture() : !audience.recoveryReasons().contains(recovery)) {
            return Optional.of(recovery == null ? "recovery_only" : "not_a_recovery_gesture");
        }
        if (!audience.channels().isEmpty() && !audience.channels().contains(context.channel())) {
            return Optional.of("channel");
        }
        if (!audience.segments().isEmpty() && !audience.segments().contains(context.segment())) {
            return Optional.of("segment");
        }
        if (!audience.lifeEvents().isEmpty()
                && audience.lifeEvents().stream().noneMatch(context.facts().lifeEvents()::contains)) {
            return Optional.of("life_event");
        }
        if (!audience.journeyStages().isEmpty() && !audience.journeyStages().contains(context.stage().id())) {
            return Optional.of("journey_stage");
        }
        if (audience.minClv() != null && BigDecimal.valueOf(context.facts().clv()).compareTo(audience.minClv()) < 0) {
            return Optional.of("min_clv");
        }
        if (!audience.weather().isEmpty() && (context.weather() == null
                || audience.weather().stream().noneMatch(context.weather()::matches))) {
            return Optional.of("weather");
        }
        if (!audience.intents().isEmpty() && (context.intent() == null || !audience.intents().contains(context.intent()))) {
            return Optional.of("intent");
        }
        String ageBand = context.facts().profile().ageBand;
        if (!audience.ageBands().isEmpty() && (ageBand == null || !audience.ageBands().contains(ageBand))) {
            return Optional.of("age_band");
        }
        String region = context.facts().profile().region;
        if (!audience.regions().isEmpty() && (region == null || !audience.regions().contains(region))) {
            return Optional.of("region");
        }
        if (!offer.scope().isWholeShop() && product == null) {
            return Optional.of("out_of_stock");
        }
        if (offer.frequencyCap() != null && impressionsInCapPeriod >= offer.frequencyCap().max()) {
            return Optional.of("frequency_cap");
        }
        if (!budgetLeft) {
            return Optional.of("budget");
        }
        return Optional.empty();
    }
}
