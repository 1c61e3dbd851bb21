package dev.parley.channel.whatsapp;

import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids we give reply buttons and list rows, and what a shopper's pick of one means. An id names the stored
 * message and the position of the quick reply ({@code q:<message id>:<n>}) or offer ({@code o:<message id>:<n>}) it
 * shows, so a pick maps back to exactly what was offered however the renderer had to shorten its title; a pick is
 * only honoured in the conversation the message belongs to.
 */
@Singleton
class ReplyChoices {

    /** The payload of a picked offer: {@code offer:<offer id>}. */
    static final String OFFER_PAYLOAD = "offer:";
    private static final Pattern ID = Pattern.compile("([qo]):([0-9a-f-]{36}):([0-9]{1,2})");

    /**
     * What the shopper picked.
     *
     * @param text       the quick reply's or offer's full title: what the shopper chose to say
     * @param payload    the quick reply's payload, or {@code offer:<offer id>}
     * @param attributes the offer's id and decision id for an offer
     */
    record Choice(String text, String payload, Map<String, String> attributes) {
    }

    private final ConversationService conversations;

    ReplyChoices(ConversationService conversations) {
        this.conversations = conversations;
    }

    static String quickReplyId(ConversationMessage message, int index) {
        return "q:" + message.id() + ":" + index;
    }

    static String offerId(ConversationMessage message, int index) {
        return "o:" + message.id() + ":" + index;
    }

    /** The choice an id stands for, if it is one of ours and was offered to this shopper. */
    Optional<Choice> resolve(String id, WhatsAppAddress shopper) {
        Matcher matcher = ID.matcher(id);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(matcher.group(3));
        Optional<ConversationMessage> shown = conversations.message(matcher.group(2))
                .filter(message -> conversations.find(message.conversationId())
                        .filter(c -> c.channelUserId().equals(shopper.channelUserId())).isPresent());
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        if (matcher.group(1).equals("q")) {
            if (index >= shown.get().quickReplies().size()) {
                return Optional.empty();
            }
            QuickReply quickReply = shown.get().quickReplies().get(index);
            return Optional.of(new Choice(quickReply.title(), quickReply.payload(), Map.of()));
        }
        if (index >= shown.get().offers().size()) {
            return Optional.empty();
        }
        OfferCard offer = shown.get().offers().get(index);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("offer_id", offer.offerId());
        if (offer.decisionId() != null) {
            attributes.put("decision_id", offer.decisionId());
        }
        return Optional.of(new Choice(offer.title(), OFFER_PAYLOAD + offer.offerId(), attributes));
    }
}
