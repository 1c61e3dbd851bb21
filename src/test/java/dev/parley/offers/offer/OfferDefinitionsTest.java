package dev.parley.offers.offer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfferDefinitionsTest {

    @Test
    void demoOffersCoverTheDemoStories() {
        List<Offer> offers = DemoOfferSeeder.demoOffers();
        assertTrue(offers.size() >= 30, "demo offers: " + offers.size());
        Set<String> lifeEvents = offers.stream().flatMap(o -> o.audience().lifeEvents().stream()).collect(Collectors.toSet());
        assertTrue(lifeEvents.containsAll(Set.of("moving_home", "new_baby", "student", "wedding")), lifeEvents.toString());
        assertTrue(offers.stream().anyMatch(o -> o.audience().journeyStages().contains("cart")
                && o.discount().type() == DiscountType.FREE_SHIPPING));
        assertTrue(offers.stream().anyMatch(o -> o.hasTag("bestseller")));
        assertTrue(offers.stream().anyMatch(o -> o.audience().weather().contains("rain") && o.hasTag("partner")));
        assertTrue(offers.stream().filter(Offer::isRecoveryGesture).count() >= 2);
        assertEquals(offers.size(), offers.stream().map(Offer::id).distinct().count(), "ids are unique");
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        for (Offer offer : DemoOfferSeeder.demoOffers()) {
            assertEquals(offer, OfferDefinitions.fromJson(OfferDefinitions.toJson(offer)));
        }
    }

    @Test
    void datesCapsAndCouponsAreRead() {
        Offer offer = OfferDefinitions.fromYaml("""
                - id: flash-1
                  title: Flash sale
                  discount: {type: amount, value: 7.5, minCartValue: 30}
                  scope: {skus: [SKU-0001], brands: [Northpeak]}
                  validFrom: 2026-01-01T00:00:00Z
                  validTo: 2026-02-01
                  frequencyCap: {max: 2, periodHours: 12}
                  budget: 100
                  maxRedemptions: 10
                  coupon: {mode: single, code: FLASH}
                """).get(0);
        assertEquals(new BigDecimal("7.5"), offer.discount().value());
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), offer.validTo());
        assertEquals(2, offer.frequencyCap().max());
        assertEquals(CouponMode.SINGLE, offer.coupon().mode());
        assertEquals(List.of("northpeak"), offer.scope().brands());
        assertTrue(offer.isValidAt(Instant.parse("2026-01-15T00:00:00Z")));
        assertTrue(!offer.isValidAt(Instant.parse("2026-02-01T00:00:00Z")));
    }

    @Test
    void everyBadEntryIsReportedWithItsIndex() {
        OfferDefinitionException error = assertThrows(OfferDefinitionException.class, () -> OfferDefinitions.fromYaml("""
                offers:
                  - id: ok
                    title: Fine
                    discount: {type: percent, value: 10}
                  - id: bad-type
                    title: Bad
                    discount: {type: gift}
                  - id: "has space"
                    title: Bad id
                    discount: {type: percent, value: 10}
                  - id: too-much
                    title: Too much
                    discount: {type: percent, value: 150}
                """));
        assertEquals(3, error.problems().size(), error.problems().toString());
        assertTrue(error.problems().get(0).startsWith("offers[1] (bad-type): discount.type must be one of"));
        assertTrue(error.problems().get(1).startsWith("offers[2]"));
        assertTrue(error.problems().get(2).contains("cannot exceed 100"));
        assertThrows(OfferDefinitionException.class, () -> OfferDefinitions.fromYaml("just text"));
    }
}
