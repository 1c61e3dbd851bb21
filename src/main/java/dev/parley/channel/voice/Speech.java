package dev.parley.channel.voice;

/**
 * Something to say, in both forms a voice channel may need.
 *
 * @param ssml  a complete {@code <speak>} document (Alexa)
 * @param plain the same words without markup (a Twilio {@code <Say>})
 */
public record Speech(String ssml, String plain) {

    static Speech of(SpokenText text) {
        return new Speech(Ssml.speak(text.ssml()), text.plain());
    }
}
