package dev.parley.conversation;

import java.util.List;

/** Messages by seq ascending, and whether more follow. */
public record MessagePage(List<ConversationMessage> messages, boolean hasMore) {

    public MessagePage {
        messages = List.copyOf(messages);
    }
}
