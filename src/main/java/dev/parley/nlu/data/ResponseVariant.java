package dev.parley.nlu.data;

import io.micronaut.core.annotation.Nullable;

/**
 * One way of answering. {@code channel} is null for any channel, {@code voice} for spoken channels, or a channel id
 * ({@code webchat}, {@code whatsapp}, {@code alexa}, {@code phone}). Text may hold {@code {placeholders}}.
 */
public record ResponseVariant(String text, @Nullable String channel) {
}
