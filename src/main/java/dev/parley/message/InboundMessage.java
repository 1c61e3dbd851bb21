package dev.parley.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * What a shopper said, in the one shape every channel adapter produces. Nothing downstream knows which provider
 * delivered it.
 *
 * @param channel              the channel it came through
 * @param channelUserId        the shopper's identity on that channel (web chat visitor id, WhatsApp wa_id, caller
 *                             number, voice-assistant user id)
 * @param sessionId            the channel's session when it has one (web chat session, Alexa session, call sid),
 *                             else null and the shopper's open conversation on that channel is used
 * @param channelMessageId     the id the client or provider gave the message; retries carry the same id and are
 *                             processed once. Null when the channel has none.
 * @param text                 what was said or typed (a caption for media; a button's title for a button reply)
 * @param payload              the id of the quick reply, button or list row the shopper picked, else null
 * @param locale               BCP-47 locale when the channel knows it, else null
 * @param recognitionConfidence speech-recognition confidence 0..1 for voice channels, else null
 * @param receivedAt           when the channel received it
 * @param attributes           channel facts worth keeping (profile name, brand, location); never secrets
 */
@Serdeable
public record InboundMessage(
        Channel channel,
        String channelUserId,
        @Nullable String sessionId,
        @Nullable String channelMessageId,
        String text,
        @Nullable String payload,
        @Nullable String locale,
        @Nullable Double recognitionConfidence,
        Instant receivedAt,
        Map<String, String> attributes) {

    public InboundMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
