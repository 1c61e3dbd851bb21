package dev.parley.message;

import io.micronaut.serde.annotation.Serdeable;

/** Where a shopper talks to us. The wire and database form is {@link #id()}. */
@Serdeable
public enum Channel {
    WEBCHAT("webchat"),
    WHATSAPP("whatsapp"),
    ALEXA("alexa"),
    PHONE("phone");

    private final String id;

    Channel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Voice channels speak the reply: they use the {@code voice} response variants. */
    public boolean isVoice() {
        return this == ALEXA || this == PHONE;
    }

    public static Channel fromId(String id) {
        for (Channel channel : values()) {
            if (channel.id.equalsIgnoreCase(id)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel: " + id);
    }
}
