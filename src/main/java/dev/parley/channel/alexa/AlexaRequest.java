package dev.parley.channel.alexa;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * The parts of an Alexa request envelope Parley uses.
 *
 * @param type          LaunchRequest, IntentRequest, SessionEndedRequest, ...
 * @param requestId     unique per request; a retried request carries the same id
 * @param timestamp     when Alexa sent it (ISO-8601), checked against replay
 * @param applicationId the skill the request is for
 * @param userId        the Alexa account's id for this skill (opaque; our shopper identity on Alexa)
 * @param intentName    for IntentRequest
 * @param slots         for IntentRequest: slot name → slot
 * @param endReason     for SessionEndedRequest (USER_INITIATED, ERROR, EXCEEDED_MAX_REPROMPTS)
 */
record AlexaRequest(String type, String requestId, String timestamp, @Nullable String locale,
                    @Nullable String sessionId, String applicationId, String userId, @Nullable String intentName,
                    Map<String, Slot> slots, @Nullable String endReason) {

    static final String LAUNCH = "LaunchRequest";
    static final String INTENT = "IntentRequest";
    static final String SESSION_ENDED = "SessionEndedRequest";

    AlexaRequest {
        slots = slots == null ? Map.of() : Map.copyOf(slots);
    }

    /**
     * A slot as Alexa filled it.
     *
     * @param value      what Alexa heard, or null when the slot was not filled
     * @param resolvedId the id of the custom slot type value it resolved to (our canonical entity value), if any
     */
    record Slot(String name, @Nullable String value, @Nullable String resolvedId) {
    }
}
