package dev.parley.nlu;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Everything the NLU pipeline knows about one message.
 *
 * @param text       the message as parsed
 * @param intent     the top intent; {@link #OUT_OF_SCOPE} when the message is out of scope
 * @param ranking    intents by calibrated confidence, best first (the top few)
 * @param entities   entities found, in text order
 * @param sentiment  the message's sentiment
 * @param outOfScope the top confidence is below the out-of-scope threshold (or the model predicts {@code oos})
 * @param ambiguous  the top two intents are too close to tell apart
 * @param timingsMs  milliseconds spent per pipeline step, plus {@code total}
 */
@Serdeable
public record NluResult(
        String text,
        IntentScore intent,
        List<IntentScore> ranking,
        List<Entity> entities,
        Sentiment sentiment,
        boolean outOfScope,
        boolean ambiguous,
        Map<String, Double> timingsMs) {

    public static final String OUT_OF_SCOPE = "oos";

    public NluResult {
        ranking = List.copyOf(ranking);
        entities = List.copyOf(entities);
        timingsMs = Map.copyOf(timingsMs);
    }

    /** The first entity of a type, if any. */
    public java.util.Optional<Entity> entity(String type) {
        return entities.stream().filter(e -> e.type().equals(type)).findFirst();
    }
}
