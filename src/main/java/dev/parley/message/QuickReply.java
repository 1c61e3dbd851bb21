package dev.parley.message;

import io.micronaut.serde.annotation.Serdeable;

/** A suggested answer: {@code title} is shown (or spoken), {@code payload} comes back when it is picked. */
@Serdeable
public record QuickReply(String title, String payload) {
}
