package dev.parley.channel.webchat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.Direction;
import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A message as the web chat API and WebSocket show it. Lists are always present (possibly empty);
 * {@code clientMessageId} only on the shopper's messages that had one.
 *
 * @param direction {@code inbound} (from the shopper) or {@code outbound}
 * @param author    {@code shopper}, {@code bot}, {@code agent} or {@code system}
 * @param createdAt ISO-8601 UTC
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MessageView(String id, long seq, String direction, String author, String text,
                          List<QuickReply> quickReplies, List<OfferCard> offers,
                          @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String clientMessageId,
                          String createdAt) {

    public static MessageView of(ConversationMessage message) {
        return new MessageView(message.id(), message.seq(), message.direction().id(), message.author().id(),
                message.text(), message.quickReplies(), message.offers(),
                message.direction() == Direction.INBOUND ? message.channelMessageId() : null,
                message.createdAt().toString());
    }
}
