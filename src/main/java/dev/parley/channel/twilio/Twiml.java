package dev.parley.channel.twilio;

import dev.parley.channel.voice.Ssml;
import io.micronaut.core.annotation.Nullable;

/**
 * Writes the few TwiML documents a call needs: speak and listen ({@code <Gather input="speech">} around a
 * {@code <Say>}), speak and transfer ({@code <Dial>} to a number or a {@code <Sip>} address), speak and hang up.
 * Every text and attribute is XML-escaped.
 */
final class Twiml {

    private final StringBuilder verbs = new StringBuilder();
    private final String language;
    @Nullable
    private final String voice;

    Twiml(String language, @Nullable String voice) {
        this.language = language;
        this.voice = voice == null || voice.isBlank() ? null : voice;
    }

    /**
     * Says the text inside a Gather that posts what it hears, or the one key pressed (0 asks for a person), to
     * {@code action}.
     */
    Twiml gather(String text, String action) {
        verbs.append("<Gather input=\"speech dtmf\" numDigits=\"1\" action=\"").append(Ssml.escape(action))
                .append("\" method=\"POST\" language=\"").append(Ssml.escape(language))
                .append("\" speechTimeout=\"auto\" actionOnEmptyResult=\"true\">");
        say(text);
        verbs.append("</Gather>");
        return this;
    }

    Twiml say(String text) {
        if (text.isBlank()) {
            return this;
        }
        verbs.append("<Say language=\"").append(Ssml.escape(language)).append('"');
        if (voice != null) {
            verbs.append(" voice=\"").append(Ssml.escape(voice)).append('"');
        }
        verbs.append('>').append(Ssml.escape(text)).append("</Say>");
        return this;
    }

    /** Transfers the call: a {@code sip:} address as {@code <Sip>}, anything else as a number. */
    Twiml dial(String target) {
        verbs.append("<Dial>");
        if (target.regionMatches(true, 0, "sip:", 0, 4)) {
            verbs.append("<Sip>").append(Ssml.escape(target)).append("</Sip>");
        } else {
            verbs.append("<Number>").append(Ssml.escape(target)).append("</Number>");
        }
        verbs.append("</Dial>");
        return this;
    }

    Twiml hangup() {
        verbs.append("<Hangup/>");
        return this;
    }

    String document() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>";
    }
}
