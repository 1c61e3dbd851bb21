package dev.parley.offers.web;

import dev.parley.offers.OfferEngine;
import dev.parley.offers.profile.LifeEventRecord;
import dev.parley.offers.profile.ProfileFacts;
import dev.parley.offers.profile.ProfileSettings;
import dev.parley.offers.profile.ShopperProfile;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shopper profiles as the engine sees them, and life events reported by the site or an agent. */
@Controller("/api/profiles")
public class ProfileController {

    @Serdeable
    public record Score(String name, double share) {
    }

    @Serdeable
    public record Rfm(int recencyDays, int frequency, double monetary, String score) {
    }

    /** The profile with its derived figures as of now. */
    @Serdeable
    public record ProfileView(String shopperId, String segment, String journeyStage, List<Score> categories,
                              List<Score> brands, List<Score> colors, List<Score> sizes, double priceSensitivity,
                              Rfm rfm, double clv, List<String> recentSkus, List<String> cart,
                              @Nullable String ageBand, @Nullable String region, List<LifeEventRecord> lifeEvents,
                              boolean reminderOptIn, Instant firstSeen, Instant lastSeen) {
    }

    @Serdeable
    public record LifeEventBody(@Nullable String lifeEvent, @Nullable String source) {
    }

    private final OfferEngine engine;
    private final ProfileSettings settings;
    private final JsonMapper mapper;

    ProfileController(OfferEngine engine, ProfileSettings settings, JsonMapper mapper) {
        this.engine = engine;
        this.settings = settings;
        this.mapper = mapper;
    }

    @Get("/{shopperId}")
    public ProfileView get(String shopperId) {
        ShopperProfile profile = engine.profile(shopperId)
                .orElseThrow(() -> ApiException.notFound("profile_not_found", "no events for this shopper yet"));
        Instant now = Instant.now();
        ProfileFacts facts = ProfileFacts.of(profile, settings, now);
        return new ProfileView(shopperId, facts.segment().id(), facts.stage().id(), scores(facts.topCategories(10)),
                scores(facts.topBrands(10)), scores(facts.topColors(5)), scores(facts.topSizes(5)),
                round(facts.priceSensitivity()),
                new Rfm(facts.recencyDays(), profile.purchaseCount,
                        profile.purchaseCount == 0 ? 0 : round(profile.totalSpent / profile.purchaseCount), facts.rfmScore()),
                round(facts.clv()),
                profile.recent.stream().map(item -> item.sku).filter(java.util.Objects::nonNull).distinct().toList(),
                List.copyOf(profile.cart.keySet()), profile.ageBand, profile.region,
                profile.lifeEvents.values().stream().filter(e -> e.isActiveAt(now)).toList(), profile.reminderOptIn,
                Instant.ofEpochMilli(profile.firstSeen), Instant.ofEpochMilli(profile.lastSeen));
    }

    @Post("/{shopperId}/life-events")
    @Consumes(MediaType.APPLICATION_JSON)
    public LifeEventRecord addLifeEvent(String shopperId, @Body String json) {
        LifeEventBody body = JsonBodies.read(mapper, json, Argument.of(LifeEventBody.class));
        return JsonBodies.orBadRequest(() -> engine.detectLifeEvent(shopperId, body.lifeEvent(),
                body.source() == null ? "api" : body.source()));
    }

    private static List<Score> scores(List<Map.Entry<String, Double>> entries) {
        return entries.stream().map(e -> new Score(e.getKey(), e.getValue())).toList();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
