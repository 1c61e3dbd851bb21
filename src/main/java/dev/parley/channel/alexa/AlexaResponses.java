package dev.parley.channel.alexa;

import dev.parley.channel.voice.Speech;
import dev.parley.channel.voice.VoiceReply;

import java.util.LinkedHashMap;
import java.util.Map;

/** Alexa's response envelope: SSML speech, a reprompt while the session stays open, and shouldEndSession. */
final class AlexaResponses {

    private AlexaResponses() {
    }

    static Map<String, Object> speech(VoiceReply reply, boolean endSession) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("outputSpeech", ssml(reply.speech()));
        if (!endSession) {
            response.put("reprompt", Map.of("outputSpeech", ssml(reply.reprompt())));
        }
        response.put("shouldEndSession", endSession);
        return envelope(response);
    }

    /** The answer to a SessionEndedRequest: Alexa ignores any speech in it. */
    static Map<String, Object> empty() {
        return envelope(Map.of());
    }

    private static Map<String, Object> ssml(Speech speech) {
        return Map.of("type", "SSML", "ssml", speech.ssml());
    }

    private static Map<String, Object> envelope(Map<String, Object> response) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", "1.0");
        envelope.put("sessionAttributes", Map.of());
        envelope.put("response", response);
        return envelope;
    }
}
