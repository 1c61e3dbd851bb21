package dev.parley.offers.triggers;

import dev.parley.catalog.Product;
import dev.parley.offers.decision.DecisionContext;
import dev.parley.offers.decision.Eligibility;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.offer.OfferBook;
import dev.parley.offers.profile.CatalogFacts;
import dev.parley.offers.profile.ProfileFacts;
import dev.parley.offers.profile.ProfileStore;
import dev.parley.offers.profile.RecentItem;
import dev.parley.offers.profile.ShopperProfile;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deal-expiry reminders: finds, for shoppers who opted in, items they viewed and did not buy whose offer ends
 * within the horizon, and queues one reminder per (shopper, offer, item). Sending is the channels' job: they
 * listen for {@link DealReminderQueued} (or poll {@link #queued}) and report the result here.
 */
@Singleton
public class DealReminders {

    private static final Logger LOG = LoggerFactory.getLogger(DealReminders.class);

    private final ReminderSettings settings;
    private final DealReminderRepository repository;
    private final ProfileStore profiles;
    private final OfferBook offers;
    private final CatalogFacts catalog;
    private final ApplicationEventPublisher<DealReminderQueued> publisher;

    DealReminders(ReminderSettings settings, DealReminderRepository repository, ProfileStore profiles,
                  OfferBook offers, CatalogFacts catalog, ApplicationEventPublisher<DealReminderQueued> publisher) {
        this.settings = settings;
        this.repository = repository;
        this.profiles = profiles;
        this.offers = offers;
        this.catalog = catalog;
        this.publisher = publisher;
    }

    @Scheduled(fixedDelay = "${parley.offers.reminders.interval:15m}", initialDelay = "1m")
    void scheduledScan() {
        if (settings.enabled()) {
            queueDueReminders(Instant.now());
        }
    }

    /** One scan; returns the reminders queued by it. */
    public List<DealReminder> queueDueReminders(Instant now) {
        Instant horizon = now.plus(Duration.ofHours(settings.horizonHours()));
        List<Offer> ending = offers.all().stream()
                .filter(o -> o.isValidAt(now) && o.validTo() != null && !o.validTo().isAfter(horizon))
                .filter(o -> !o.isRecoveryGesture() && offers.hasBudgetLeft(o))
                .toList();
        List<DealReminder> queued = new ArrayList<>();
        if (ending.isEmpty()) {
            return queued;
        }
        long viewedSince = now.minus(Duration.ofDays(settings.viewedWithinDays())).toEpochMilli();
        for (String shopperId : profiles.optedInShoppers()) {
            Optional<ShopperProfile> found = profiles.find(shopperId);
            if (found.isEmpty() || !found.get().reminderOptIn) {
                continue;
            }
            ShopperProfile profile = found.get();
            ProfileFacts facts = ProfileFacts.of(profile, profiles.settings(), now);
            String channel = profile.reminderChannel != null ? profile.reminderChannel
                    : profile.lastChannel != null ? profile.lastChannel : "webchat";
            DecisionContext context = DecisionContext.of(facts, channel, null, Map.of(), List.of(), 0, null, now);
            Set<String> bought = new HashSet<>(profile.purchasedSkus);
            Set<String> considered = new HashSet<>();
            for (RecentItem item : profile.recent) {
                if (!"view".equals(item.type) || item.sku == null || item.at < viewedSince || bought.contains(item.sku)
                        || !considered.add(item.sku)) {
                    continue;
                }
                Optional<Product> product = catalog.current().product(item.sku).filter(Product::inStock);
                if (product.isEmpty()) {
                    continue;
                }
                for (Offer offer : ending) {
                    if (offer.scope().covers(product.get())
                            && Eligibility.rejection(offer, context, 0, true, product.get(), null).isEmpty()) {
                        repository.queue(shopperId, offer.id(), item.sku, channel, offer.validTo(), now)
                                .ifPresent(reminder -> {
                                    queued.add(reminder);
                                    publisher.publishEvent(new DealReminderQueued(reminder));
                                });
                    }
                }
            }
        }
        if (!queued.isEmpty()) {
            LOG.info("Queued {} deal reminder(s)", queued.size());
        }
        return queued;
    }

    public List<DealReminder> queued(int limit) {
        return repository.withStatus("queued", limit);
    }

    public List<DealReminder> withStatus(String status, int limit) {
        return repository.withStatus(status, limit);
    }

    public boolean markSent(long id) {
        return repository.setStatus(id, "sent", null);
    }

    public boolean markFailed(long id, String reason) {
        return repository.setStatus(id, "failed", reason == null ? null : reason.substring(0, Math.min(255, reason.length())));
    }

    public boolean cancel(long id) {
        return repository.setStatus(id, "cancelled", null);
    }
}
