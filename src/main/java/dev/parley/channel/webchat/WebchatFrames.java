package dev.parley.channel.webchat;

import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationState;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the WebSocket frames as JSON text. */
@Singleton
class WebchatFrames {

    private final JsonMapper json;

    WebchatFrames(JsonMapper json) {
        this.json = json;
    }

    String message(ConversationMessage message) {
        return write(new WebchatViews.MessageFrame(MessageView.of(message)));
    }

    String typing(String author, boolean on) {
        return write(new WebchatViews.TypingFrame(author, on));
    }

    String state(ConversationState state) {
        return write(new WebchatViews.StateFrame(state.id()));
    }

    private String write(Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
