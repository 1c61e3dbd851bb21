package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.conversation.ConversationService;
import dev.parley.message.Channel;
import dev.parley.message.InboundMessage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a WhatsApp message into the canonical {@link InboundMessage}: its text is what the shopper said (a media
 * caption, a picked button's or list row's full title, a reaction's emoji, a shared location's name and address)
 * and its payload what they picked. A reaction is kept in the conversation but not answered: it comments on an
 * earlier message rather than asking anything. Types that carry nothing (a removed reaction, contacts, system
 * notices, unsupported content) give nothing.
 */
@Singleton
class InboundTranslator {

    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");

    /** @param answered whether the message gets a turn (a reaction does not) */
    record Translated(InboundMessage message, boolean answered) {
    }

    private final ReplyChoices choices;

    InboundTranslator(ReplyChoices choices) {
        this.choices = choices;
    }

    Optional<Translated> translate(WebhookDelivery.Message message, @Nullable String locale) {
        JsonNode body = message.body();
        Map<String, String> attributes = new HashMap<>();
        if (message.displayName() != null) {
            attributes.put(ConversationService.DISPLAY_NAME_ATTRIBUTE, message.displayName());
        }
        String text = null;
        String payload = null;
        switch (message.type()) {
            case "text" -> text = string(body.path("text").path("body"));
            case "interactive" -> {
                JsonNode interactive = body.path("interactive");
                JsonNode reply = interactive.path(interactive.path("type").asText(""));
                String id = string(reply.path("id"));
                if (id != null) {
                    Optional<ReplyChoices.Choice> choice = choices.resolve(id, message.address());
                    text = choice.map(ReplyChoices.Choice::text).orElse(string(reply.path("title")));
                    payload = choice.map(ReplyChoices.Choice::payload).orElse(id);
                    choice.ifPresent(c -> attributes.putAll(c.attributes()));
                }
            }
            case "button" -> { // a template's quick-reply button
                String given = string(body.path("button").path("payload"));
                Optional<ReplyChoices.Choice> choice = given == null ? Optional.empty()
                        : choices.resolve(given, message.address());
                text = choice.map(ReplyChoices.Choice::text).orElse(string(body.path("button").path("text")));
                payload = choice.map(ReplyChoices.Choice::payload).orElse(given);
                choice.ifPresent(c -> attributes.putAll(c.attributes()));
            }
            case "location" -> text = location(body.path("location"), attributes);
            case "reaction" -> {
                text = string(body.path("reaction").path("emoji")); // empty when a reaction is removed
                String to = string(body.path("reaction").path("message_id"));
                if (to != null) {
                    attributes.put("reaction_to", to);
                }
            }
            default -> {
                if (MEDIA.contains(message.type())) {
                    String caption = string(body.path(message.type()).path("caption"));
                    // without a caption the NLU has nothing to read; the placeholder makes the bot ask
                    text = caption != null ? caption : "[" + message.type() + "]";
                    attributes.put("media_type", message.type());
                }
            }
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Translated(new InboundMessage(Channel.WHATSAPP, message.address().channelUserId(),
                null, message.wamid(), text.strip(), payload, locale, null, message.timestamp(), attributes),
                !message.type().equals("reaction")));
    }

    /** "name, address" when the shopper shared a named place, else the coordinates. */
    private static @Nullable String location(JsonNode location, Map<String, String> attributes) {
        JsonNode latitude = location.path("latitude");
        JsonNode longitude = location.path("longitude");
        if (!latitude.isNumber() || !longitude.isNumber()) {
            return null;
        }
        attributes.put("latitude", latitude.asText());
        attributes.put("longitude", longitude.asText());
        String name = string(location.path("name"));
        String address = string(location.path("address"));
        String place = name == null ? address : address == null ? name : name + ", " + address;
        return place != null ? place : latitude.asText() + ", " + longitude.asText();
    }

    private static @Nullable String string(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
