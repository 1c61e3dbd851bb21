package dev.parley.channel.twilio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code parley.twilio.*}: the phone line.
 *
 * @param authToken             the account's auth token, which signs every webhook; only from the environment
 *                              (PARLEY_TWILIO_AUTH_TOKEN). Without it (or without {@code publicBaseUrl}) every
 *                              webhook is refused
 * @param publicBaseUrl         the URL Twilio calls us on ({@code https://parley.example.com}), which the signature
 *                              covers: behind a proxy the request's own URL is not the one Twilio signed
 * @param language              speech recognition and text-to-speech language
 * @param voice                 a Twilio text-to-speech voice ({@code Polly.Joanna}), or empty for the default
 * @param contactCenter         where a hand-off transfers the call: a phone number ({@code +15550100}) or a SIP
 *                              address ({@code sip:queue@pbx.example.com}); empty: no transfer
 * @param minConfidence         speech recognised with less confidence counts as poorly understood
 * @param lowConfidenceTurns    this many poorly understood turns in a row hand the call to a person
 * @param maxSilences           after this many turns without speech in a row the call ends
 */
@ConfigurationProperties("parley.twilio")
public record TwilioSettings(@Nullable String authToken,
                             @Nullable String publicBaseUrl,
                             @Bindable(defaultValue = "en-US") String language,
                             @Nullable String voice,
                             @Nullable String contactCenter,
                             @Bindable(defaultValue = "0.4") double minConfidence,
                             @Bindable(defaultValue = "2") int lowConfidenceTurns,
                             @Bindable(defaultValue = "2") int maxSilences,
                             @Bindable(defaultValue = "Sorry, I didn't hear anything.") String noSpeech,
                             @Bindable(defaultValue = "Thanks for calling. Goodbye.") String goodbye,
                             @Bindable(defaultValue = "Sorry, nobody can take your call right now. Please call"
                                     + " again during opening hours.") String transferUnavailable) {

    /** Whether signatures can be checked at all. */
    boolean configured() {
        return authToken != null && !authToken.isBlank() && publicBaseUrl != null && !publicBaseUrl.isBlank();
    }
}
