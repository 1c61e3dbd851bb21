package dev.parley.handoff;

import dev.parley.conversation.Shopper;
import dev.parley.offers.OfferEngine;
import dev.parley.offers.profile.ProfileFacts;
import dev.parley.offers.profile.ProfileSettings;
import dev.parley.offers.profile.ShopperProfile;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a shopper is high-value, from the personalization engine's profile (lifetime-value estimate and value
 * segment). The profile is keyed by the conversation's shopper id, or by the site's customer id when the site
 * reports its events under that.
 */
@Singleton
public class ShopperValue {

    private final OfferEngine offers;
    private final ProfileSettings profileSettings;
    private final EscalationSettings settings;

    ShopperValue(OfferEngine offers, ProfileSettings profileSettings, EscalationSettings settings) {
        this.offers = offers;
        this.profileSettings = profileSettings;
        this.settings = settings;
    }

    public boolean isHighValue(Shopper shopper) {
        return facts(shopper).map(facts -> facts.clv() >= settings.highValueClv()
                || settings.highValueSegments().contains(facts.segment().id())).orElse(false);
    }

    /** The profile's derived figures as of now, when the engine knows the shopper. */
    public Optional<ProfileFacts> facts(Shopper shopper) {
        Optional<ShopperProfile> profile = offers.profile(shopper.id());
        if (profile.isEmpty() && shopper.customerId() != null) {
            profile = offers.profile(shopper.customerId());
        }
        return profile.map(p -> ProfileFacts.of(p, profileSettings, Instant.now()));
    }
}
