package dev.parley.channel.voice;

/**
 * A turn's replies as a voice channel speaks them.
 *
 * @param speech           what to say now
 * @param reprompt         what to say when the shopper stays silent
 * @param endsConversation the assistant does not wait for an answer (goodbye): the session or call ends
 */
public record VoiceReply(Speech speech, Speech reprompt, boolean endsConversation) {
}
