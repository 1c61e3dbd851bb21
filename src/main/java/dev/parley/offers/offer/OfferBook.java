package dev.parley.offers.offer;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The offer catalogue. Reads come from an in-memory snapshot (decisions rank hundreds of offers in a few
 * milliseconds); writes go to the database first, then replace the snapshot. Redemption totals are kept here so
 * budget and redemption caps are checked without a query.
 */
@Singleton
public class OfferBook {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read aloud on voice

    private final OfferRepository repository;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong version = new AtomicLong();
    private final Map<String, String> issuedCoupons = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<String, OfferRepository.StoredOffer> snapshot;

    OfferBook(OfferRepository repository) {
        this.repository = repository;
    }

    public Collection<Offer> all() {
        return offers().values().stream().map(OfferRepository.StoredOffer::offer).toList();
    }

    public Optional<Offer> find(String id) {
        return Optional.ofNullable(offers().get(id)).map(OfferRepository.StoredOffer::offer);
    }

    public int size() {
        return offers().size();
    }

    /** Grows by one with every change, so caches derived from the offers know when to rebuild. */
    public long version() {
        return version.get();
    }

    public int redemptions(String id) {
        OfferRepository.StoredOffer stored = offers().get(id);
        return stored == null ? 0 : stored.redemptions();
    }

    public BigDecimal discountSpent(String id) {
        OfferRepository.StoredOffer stored = offers().get(id);
        return stored == null ? BigDecimal.ZERO : stored.discountSpent();
    }

    /** Whether the offer's total budget and redemption cap still allow one more. */
    public boolean hasBudgetLeft(Offer offer) {
        return (offer.maxRedemptions() == null || redemptions(offer.id()) < offer.maxRedemptions())
                && (offer.budget() == null || discountSpent(offer.id()).compareTo(offer.budget()) < 0);
    }

    /** Creates an offer; false when the id is taken. */
    @Transactional
    public boolean create(Offer offer) {
        if (repository.exists(offer.id())) {
            return false;
        }
        saveAll(List.of(offer));
        return true;
    }

    /** Adds or replaces offers by id, keeping the running totals of replaced ones. */
    @Transactional
    public void saveAll(List<Offer> offers) {
        repository.upsertAll(offers);
        Map<String, OfferRepository.StoredOffer> updated = new LinkedHashMap<>(offers());
        for (Offer offer : offers) {
            OfferRepository.StoredOffer old = updated.get(offer.id());
            updated.put(offer.id(), new OfferRepository.StoredOffer(offer, old == null ? 0 : old.redemptions(),
                    old == null ? BigDecimal.ZERO : old.discountSpent()));
        }
        replace(updated);
    }

    @Transactional
    public boolean delete(String id) {
        boolean deleted = repository.delete(id);
        Map<String, OfferRepository.StoredOffer> updated = new LinkedHashMap<>(offers());
        updated.remove(id);
        replace(updated);
        return deleted;
    }

    /** Counts a redemption against the offer's cap and budget. */
    @Transactional
    public void recordRedemption(String id, BigDecimal discountGiven) {
        OfferRepository.StoredOffer stored = offers().get(id);
        if (stored == null) {
            return;
        }
        BigDecimal amount = discountGiven == null ? BigDecimal.ZERO : discountGiven;
        repository.addRedemption(id, amount);
        Map<String, OfferRepository.StoredOffer> updated = new LinkedHashMap<>(offers());
        updated.put(id, new OfferRepository.StoredOffer(stored.offer(), stored.redemptions() + 1,
                stored.discountSpent().add(amount)));
        replace(updated);
    }

    /**
     * The code the shopper uses for this offer: the shared code, or their own code issued once and kept (a retry
     * or a second decision shows the same code).
     */
    @Transactional
    public Optional<String> couponFor(Offer offer, String shopperId) {
        return switch (offer.coupon().mode()) {
            case NONE -> Optional.empty();
            case SINGLE -> Optional.of(offer.coupon().code());
            case UNIQUE -> Optional.of(issuedCoupons.computeIfAbsent(offer.id() + "\u0000" + shopperId,
                    key -> repository.findCoupon(offer.id(), shopperId).orElseGet(() -> issue(offer, shopperId))));
        };
    }

    private String issue(Offer offer, String shopperId) {
        String prefix = offer.coupon().prefix() == null ? "" : offer.coupon().prefix().toUpperCase() + "-";
        for (int attempt = 0; ; attempt++) {
            StringBuilder code = new StringBuilder(prefix);
            for (int i = 0; i < 8; i++) {
                code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            try {
                repository.insertCoupon(offer.id(), shopperId, code.toString());
                return code.toString();
            } catch (RuntimeException e) {
                if (attempt >= 3 || !(rootCause(e) instanceof SQLException)) {
                    throw e;
                }
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void replace(Map<String, OfferRepository.StoredOffer> updated) {
        snapshot = updated;
        version.incrementAndGet();
    }

    private Map<String, OfferRepository.StoredOffer> offers() {
        Map<String, OfferRepository.StoredOffer> current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    Map<String, OfferRepository.StoredOffer> loaded = new LinkedHashMap<>();
                    repository.findAll().forEach(stored -> loaded.put(stored.offer().id(), stored));
                    snapshot = loaded;
                    version.incrementAndGet();
                }
                current = snapshot;
            }
        }
        return current;
    }
}
