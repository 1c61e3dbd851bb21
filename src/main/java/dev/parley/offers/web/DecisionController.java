package dev.parley.offers.web;

import dev.parley.message.Channel;
import dev.parley.offers.CartLine;
import dev.parley.offers.DecisionRequest;
import dev.parley.offers.OfferDecision;
import dev.parley.offers.OfferEngine;
import dev.parley.offers.RecoveryReason;
import dev.parley.offers.RewardOutcome;
import dev.parley.offers.RewardReceipt;
import dev.parley.offers.triggers.WeatherReport;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Deciding offers, reporting rewards, service recovery. */
@Controller("/api/offers")
public class DecisionController {

    /** The JSON of POST /api/offers/decide; channel as its id (webchat, whatsapp, alexa, phone). */
    @Serdeable
    public record DecideBody(@Nullable String shopperId, @Nullable String channel, @Nullable String intent,
                             @Nullable Map<String, String> entities, @Nullable List<CartLine> cart,
                             @Nullable String time, @Nullable String location, @Nullable WeatherReport weather,
                             @Nullable Integer slots) {
    }

    @Serdeable
    public record RewardBody(@Nullable String outcome, @Nullable BigDecimal discountGiven) {
    }

    @Serdeable
    public record RecoveryBody(@Nullable String shopperId, @Nullable String channel, @Nullable String reason) {
    }

    private final OfferEngine engine;
    private final JsonMapper mapper;

    DecisionController(OfferEngine engine, JsonMapper mapper) {
        this.engine = engine;
        this.mapper = mapper;
    }

    @Post("/decide")
    @Consumes(MediaType.APPLICATION_JSON)
    public OfferDecision decide(@Body String json) {
        DecideBody body = JsonBodies.read(mapper, json, Argument.of(DecideBody.class));
        Instant time;
        try {
            time = body.time() == null ? null : Instant.parse(body.time());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_request", "time must be an ISO-8601 instant");
        }
        DecisionRequest request = new DecisionRequest(body.shopperId(), channel(body.channel()), body.intent(),
                body.entities(), body.cart(), time, body.location(), body.weather(),
                body.slots() == null ? 1 : body.slots());
        return JsonBodies.orBadRequest(() -> engine.decide(request));
    }

    @Post("/decisions/{id}/reward")
    @Consumes(MediaType.APPLICATION_JSON)
    public RewardReceipt reward(String id, @Body String json) {
        RewardBody body = JsonBodies.read(mapper, json, Argument.of(RewardBody.class));
        RewardOutcome outcome = RewardOutcome.fromId(body.outcome() == null ? "" : body.outcome())
                .orElseThrow(() -> ApiException.badRequest("invalid_outcome", "outcome must be one of "
                        + Arrays.stream(RewardOutcome.values()).map(RewardOutcome::id).toList()));
        if (body.discountGiven() != null && body.discountGiven().signum() < 0) {
            throw ApiException.badRequest("invalid_request", "discountGiven must not be negative");
        }
        try {
            return engine.recordReward(id, outcome, body.discountGiven() == null ? BigDecimal.ZERO : body.discountGiven());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("decision_not_found", "no decision " + id);
        }
    }

    /** A recovery gesture after a complaint, failed payment or late order (never a sales offer). */
    @Post("/recovery")
    @Consumes(MediaType.APPLICATION_JSON)
    public OfferDecision recover(@Body String json) {
        RecoveryBody body = JsonBodies.read(mapper, json, Argument.of(RecoveryBody.class));
        RecoveryReason reason = RecoveryReason.fromId(body.reason())
                .orElseThrow(() -> ApiException.badRequest("invalid_reason", "reason must be one of "
                        + Arrays.stream(RecoveryReason.values()).map(RecoveryReason::id).toList()));
        Channel channel = channel(body.channel());
        return JsonBodies.orBadRequest(() -> engine.recover(body.shopperId(), reason, channel, null));
    }

    private static Channel channel(String id) {
        if (id == null) {
            throw ApiException.badRequest("invalid_request", "channel is required (webchat, whatsapp, alexa, phone)");
        }
        try {
            return Channel.fromId(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_channel", e.getMessage());
        }
    }
}
