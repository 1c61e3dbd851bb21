package dev.parley.channel.webchat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The JSON bodies and WebSocket frames of the web chat API. */
final class WebchatViews {

    private WebchatViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionStarted(String sessionId, String visitorId, MessageView greeting) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TurnView(MessageView message, List<MessageView> replies) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record HistoryView(List<MessageView> messages, boolean hasMore) {
    }

    /** {@code {"type":"message","message":...}} */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageFrame(String type, MessageView message) {
        MessageFrame(MessageView message) {
            this("message", message);
        }
    }

    /** {@code {"type":"typing","author":"bot|agent","on":true|false}} */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TypingFrame(String type, String author, boolean on) {
        TypingFrame(String author, boolean on) {
            this("typing", author, on);
        }
    }

    /** {@code {"type":"state","state":"bot|queued|agent|closed"}} */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StateFrame(String type, String state) {
        StateFrame(String state) {
            this("state", state);
        }
    }
}
