package dev.parley.offers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.catalog.Product;
import dev.parley.message.Channel;
import dev.parley.offers.decision.Candidate;
import dev.parley.offers.decision.DecisionContext;
import dev.parley.offers.decision.DecisionLog;
import dev.parley.offers.decision.DecisionLogWriter;
import dev.parley.offers.decision.Eligibility;
import dev.parley.offers.decision.ImpressionLedger;
import dev.parley.offers.decision.LoggedDecision;
import dev.parley.offers.decision.OfferInventory;
import dev.parley.offers.decision.OfferRanker;
import dev.parley.offers.decision.RankedOffer;
import dev.parley.offers.events.EventBatchResult;
import dev.parley.offers.events.EventIngestion;
import dev.parley.offers.events.ShopperEvent;
import dev.parley.offers.offer.DiscountType;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.offer.OfferBook;
import dev.parley.offers.pricing.DemandPricing;
import dev.parley.offers.profile.CatalogFacts;
import dev.parley.offers.profile.LifeEventRecord;
import dev.parley.offers.profile.ProductFacts;
import dev.parley.offers.profile.ProfileFacts;
import dev.parley.offers.profile.ProfileStore;
import dev.parley.offers.profile.ShopperProfile;
import dev.parley.offers.triggers.WeatherReport;
import dev.parley.offers.triggers.WeatherSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The personalization engine's API for the rest of Parley (the dialogue, the site through HTTP):
 * {@link #decide}, {@link #recordReward}, {@link #recordEvents}, {@link #detectLifeEvent}, {@link #recover}.
 * A decision is: resolve the context, apply the hard rules, rank with the bandit (or segment popularity for an
 * unknown shopper), log every shown offer with its propensity, return cards with explanations.
 */
@Singleton
public class OfferEngine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FATIGUE_WINDOW = Duration.ofDays(7);

    private final OfferBook offers;
    private final ProfileStore profiles;
    private final CatalogFacts catalog;
    private final DemandPricing pricing;
    private final WeatherSource weather;
    private final ImpressionLedger ledger;
    private final DecisionLogWriter log;
    private final BanditMemory memory;
    private final DecisionOutcomes outcomes;
    private final EventIngestion events;
    private final RecoverySettings recovery;
    private final DecisionLog decisionLog;
    private volatile InventoryCache inventory;

    private record InventoryCache(long offersVersion, ProductFacts facts, OfferInventory inventory) {
    }

    OfferEngine(OfferBook offers, ProfileStore profiles, CatalogFacts catalog, DemandPricing pricing,
                WeatherSource weather, ImpressionLedger ledger, DecisionLogWriter log, BanditMemory memory,
                DecisionOutcomes outcomes, EventIngestion events, RecoverySettings recovery, DecisionLog decisionLog) {
        this.offers = offers;
        this.profiles = profiles;
        this.catalog = catalog;
        this.pricing = pricing;
        this.weather = weather;
        this.ledger = ledger;
        this.log = log;
        this.memory = memory;
        this.outcomes = outcomes;
        this.events = events;
        this.recovery = recovery;
        this.decisionLog = decisionLog;
    }

    /**
     * Ranked offers for the shopper in this context. An intent that signals a problem (complaint, payment
     * problem, late order) gets a recovery gesture instead, never a sales push.
     *
     * @throws IllegalArgumentException for a request without shopper or channel, or with too many slots
     */
    public OfferDecision decide(DecisionRequest request) {
        validate(request);
        Instant now = request.time() == null ? Instant.now() : request.time();
        String reason = request.intent() == null ? null : recovery.intents().get(request.intent().toLowerCase());
        if (reason != null) {
            return recover(request.shopperId(), RecoveryReason.fromId(reason).orElseThrow(), request.channel(), now);
        }
        DecisionContext context = context(request, now);
        ProfileFacts facts = context.facts();
        if (facts.profile().inRecoveryAt(now)) {
            return new OfferDecision(UUID.randomUUID().toString(), request.shopperId(), "quiet", context.segment(),
                    context.stage().id(), "apologetic", List.of(), now);
        }
        List<Candidate> candidates = candidates(request.shopperId(), context, null);
        boolean coldStart = !facts.isKnown();
        List<RankedOffer> ranked = new OfferRanker(memory.bandit())
                .rank(context, candidates, request.slots(), coldStart, ThreadLocalRandom.current());
        String strategy = ranked.isEmpty() ? "none" : coldStart ? "popularity" : "bandit";
        return finish(request.shopperId(), request.channel(), strategy, context, ranked, context.stage().tone(), null);
    }

    /**
     * The service-recovery answer after a complaint, a failed payment or a late order: the best-fitting
     * recovery gesture (the most specific one the shopper qualifies for), its value scaled by customer value,
     * a personal coupon; and a quiet period without sales offers.
     */
    @Transactional
    public OfferDecision recover(String shopperId, RecoveryReason reason, Channel channel, @Nullable Instant at) {
        if (shopperId == null || shopperId.isBlank() || channel == null) {
            throw new IllegalArgumentException("shopperId and channel are required");
        }
        Instant now = at == null ? Instant.now() : at;
        ProfileFacts facts = profiles.facts(shopperId, now);
        DecisionContext context = DecisionContext.of(facts, channel.id(), reason.id(), Map.of(), List.of(), 0, null, now);
        List<Candidate> candidates = candidates(shopperId, context, reason.id());
        Candidate best = null;
        for (Candidate candidate : candidates) {
            if (best == null || specificity(candidate.offer()) > specificity(best.offer())) {
                best = candidate;
            }
        }
        List<RankedOffer> ranked = best == null ? List.of() : List.of(new RankedOffer(best, 1, new double[0], 0, 1.0,
                false, reason.apology(), List.of("recovery:" + reason.id())));
        double scale = switch (facts.segment()) {
            case VIP -> recovery.vipScale();
            case LOYAL -> recovery.loyalScale();
            default -> 1.0;
        };
        profiles.update(shopperId, profile -> profile.recoveryUntil =
                now.plus(Duration.ofMinutes(recovery.quietMinutes())).toEpochMilli());
        return finish(shopperId, channel, "recovery", context, ranked, "apologetic", scale);
    }

    /** Reports what the shopper did with a decided offer; the first outcome teaches the model. */
    public RewardReceipt recordReward(String decisionId, RewardOutcome outcome) {
        return outcomes.record(decisionId, outcome, BigDecimal.ZERO, Instant.now());
    }

    /** As {@link #recordReward(String, RewardOutcome)}, with the discount money a redemption gave (budgets). */
    public RewardReceipt recordReward(String decisionId, RewardOutcome outcome, BigDecimal discountGiven) {
        return outcomes.record(decisionId, outcome, discountGiven, Instant.now());
    }

    /** Stores events (idempotent by event id) and updates profiles: the path POST /api/events takes. */
    public EventBatchResult recordEvents(List<ShopperEvent> batch) {
        return events.ingest(batch);
    }

    /**
     * Records a life event the conversation recognised (e.g. intent moving_home), unlocking its offers.
     *
     * @param source where it came from, e.g. "intent:moving_home" or "agent"
     * @throws IllegalArgumentException for a life event that is not configured
     */
    public LifeEventRecord detectLifeEvent(String shopperId, String lifeEvent, String source) {
        if (shopperId == null || shopperId.isBlank() || lifeEvent == null || lifeEvent.isBlank()) {
            throw new IllegalArgumentException("shopperId and lifeEvent are required");
        }
        return profiles.addLifeEvent(shopperId, lifeEvent, source == null ? "api" : source, Instant.now());
    }

    /**
     * Why each offer is or is not a candidate for this request: offer id -> "eligible" or the first hard rule
     * it fails (life_event, weather, frequency_cap, out_of_stock, ...). For support tools and tests; deciding
     * never needs it.
     */
    public Map<String, String> eligibility(DecisionRequest request) {
        validate(request);
        Instant now = request.time() == null ? Instant.now() : request.time();
        DecisionContext context = context(request, now);
        OfferInventory stock = inventory();
        Map<String, String> verdicts = new java.util.TreeMap<>();
        for (Offer offer : offers.all()) {
            Product product = stock.featured(offer, context.entities());
            verdicts.put(offer.id(), rejection(request.shopperId(), offer, context, product, null).orElse("eligible"));
        }
        return verdicts;
    }

    /** The offers last shown to the shopper and what became of them (an agent's context), newest first. */
    public List<LoggedDecision> latestDecisions(String shopperId, int limit) {
        return decisionLog.latestForShopper(shopperId, limit);
    }

    /** The profile as stored, empty for a shopper never seen. */
    public Optional<ShopperProfile> profile(String shopperId) {
        return profiles.find(shopperId);
    }

    private DecisionContext context(DecisionRequest request, Instant now) {
        ProfileFacts facts = profiles.facts(request.shopperId(), now);
        ProductFacts products = catalog.current();
        List<Product> cartProducts = new ArrayList<>();
        double cartValue = 0;
        for (CartLine line : request.cart()) {
            Optional<Product> product = products.product(line.sku());
            if (product.isPresent()) {
                cartProducts.add(product.get());
                cartValue += pricing.price(product.get()).doubleValue() * line.quantity();
            }
        }
        return DecisionContext.of(facts, request.channel().id(), request.intent(), request.entities(), cartProducts,
                cartValue, weatherFor(request, facts.profile()), now);
    }

    private List<Candidate> candidates(String shopperId, DecisionContext context, @Nullable String recoveryReason) {
        OfferInventory stock = inventory();
        List<Candidate> candidates = new ArrayList<>();
        for (Offer offer : offers.all()) {
            if (offer.isRecoveryGesture() != (recoveryReason != null) || !offer.isValidAt(context.now())) {
                continue;
            }
            Product product = stock.featured(offer, context.entities());
            if (rejection(shopperId, offer, context, product, recoveryReason).isEmpty()) {
                candidates.add(new Candidate(offer, product,
                        ledger.count(shopperId, offer.id(), FATIGUE_WINDOW, context.now())));
            }
        }
        return candidates;
    }

    private Optional<String> rejection(String shopperId, Offer offer, DecisionContext context, Product product,
                                       @Nullable String recoveryReason) {
        int capped = offer.frequencyCap() == null ? 0
                : ledger.count(shopperId, offer.id(), offer.frequencyCap().period(), context.now());
        return Eligibility.rejection(offer, context, capped, offers.hasBudgetLeft(offer), product, recoveryReason);
    }

    private OfferDecision finish(String shopperId, Channel channel, String strategy, DecisionContext context,
                                 List<RankedOffer> ranked, String tone, @Nullable Double gestureScale) {
        String requestId = UUID.randomUUID().toString();
        List<DecidedOffer> decided = new ArrayList<>();
        List<LoggedDecision> logged = new ArrayList<>();
        for (RankedOffer rankedOffer : ranked) {
            Offer offer = rankedOffer.candidate().offer();
            Product product = rankedOffer.candidate().product();
            var discount = gestureScale == null ? offer.discount() : offer.discount().scaled(gestureScale, recovery.maxPercent());
            BigDecimal price = product == null ? null : pricing.price(product);
            BigDecimal offerPrice = price == null || discount.type() == DiscountType.FREE_SHIPPING
                    || discount.type() == DiscountType.BUNDLE ? null : discount.apply(price);
            String currency = product == null ? "EUR" : product.currency();
            String decisionId = UUID.randomUUID().toString();
            decided.add(new DecidedOffer(decisionId, offer.id(), rankedOffer.position(), offer.title(),
                    offer.description(), discount.describe(currency), offers.couponFor(offer, shopperId).orElse(null),
                    product == null ? null : product.sku(), product == null ? null : product.name(), price, offerPrice,
                    currency, offer.validTo(), rankedOffer.explanation(), rankedOffer.reasons(),
                    rankedOffer.propensity(), rankedOffer.score()));
            logged.add(new LoggedDecision(decisionId, requestId, shopperId, offer.id(), channel.id(), strategy,
                    context.segment(), rankedOffer.position(), rankedOffer.propensity(), rankedOffer.score(),
                    rankedOffer.features(), contextSummary(context, discount.describe(currency)), context.now(),
                    null, null));
            ledger.record(shopperId, offer.id(), context.now());
        }
        log.append(logged);
        return new OfferDecision(requestId, shopperId, strategy, context.segment(), context.stage().id(), tone,
                decided, context.now());
    }

    private WeatherReport weatherFor(DecisionRequest request, ShopperProfile profile) {
        if (request.weather() != null) {
            return request.weather();
        }
        String location = request.location() != null ? request.location() : profile.location;
        return location == null || location.isBlank() ? null : weather.current(location).orElse(null);
    }

    private OfferInventory inventory() {
        InventoryCache cache = inventory;
        ProductFacts facts = catalog.current();
        long version = offers.version();
        if (cache == null || cache.offersVersion() != version || cache.facts() != facts) {
            cache = new InventoryCache(version, facts, new OfferInventory(List.copyOf(offers.all()), facts));
            inventory = cache;
        }
        return cache.inventory();
    }

    private static int specificity(Offer offer) {
        return offer.audience().minClv() == null ? 0 : offer.audience().minClv().intValue() + 1;
    }

    private static String contextSummary(DecisionContext context, String discount) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("intent", context.intent());
        summary.put("stage", context.stage().id());
        summary.put("entities", context.entities());
        summary.put("cart_items", context.cartProducts().size());
        summary.put("weather", context.weather() == null ? null : context.weather().condition());
        summary.put("life_events", context.facts().lifeEvents());
        summary.put("discount", discount);
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validate(DecisionRequest request) {
        if (request == null || request.shopperId() == null || request.shopperId().isBlank()) {
            throw new IllegalArgumentException("shopperId is required");
        }
        if (request.shopperId().length() > 100) {
            throw new IllegalArgumentException("shopperId longer than 100 characters");
        }
        if (request.channel() == null) {
            throw new IllegalArgumentException("channel is required (webchat, whatsapp, alexa, phone)");
        }
        if (request.slots() > DecisionRequest.MAX_SLOTS) {
            throw new IllegalArgumentException("at most " + DecisionRequest.MAX_SLOTS + " slots");
        }
    }
}
