package dev.parley.channel.alexa;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Verification can only be switched off in the dev environment; the application id is checked regardless. */
class VerificationSwitchTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    static AlexaSettings settings(boolean verify) {
        return new AlexaSettings("amzn1.ask.skill.ours", verify, 150, 5, "parley shop", "A colleague will follow up.");
    }

    static AlexaRequest request(String applicationId, String timestamp) {
        return new AlexaRequest(AlexaRequest.LAUNCH, "req-1", timestamp, "en-US", "session-1", applicationId,
                "user-1", null, Map.of(), null);
    }

    @Test
    void switchingVerificationOffOutsideDevRefusesToStart() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> new AlexaRequestVerifier(settings(false), null, Set.of("test"), CLOCK));
        assertEquals(true, refused.getMessage().contains("only allowed in the 'dev' environment"));
        assertThrows(ConfigurationException.class,
                () -> new AlexaRequestVerifier(settings(false), null, Set.of(), CLOCK));
    }

    @Test
    void inDevUnsignedRequestsPassButOnlyForOurSkill() {
        AlexaRequestVerifier verifier = new AlexaRequestVerifier(settings(false), null, Set.of("dev"), CLOCK);
        verifier.verifySignature(null, null, new byte[]{'{', '}'});
        verifier.verifyRequest(request("amzn1.ask.skill.ours", "2020-01-01T00:00:00Z"));
        AlexaRejection wrong = assertThrows(AlexaRejection.class,
                () -> verifier.verifyRequest(request("amzn1.ask.skill.other", "2026-11-22T12:00:00Z")));
        assertEquals("wrong_application", wrong.code());
    }

    @Test
    void withoutAnApplicationIdNothingIsAccepted() {
        AlexaRequestVerifier verifier = new AlexaRequestVerifier(new AlexaSettings(null, true, 150, 5, "parley shop",
                "A colleague will follow up."), null, Set.of("test"), CLOCK);
        assertEquals("alexa_not_configured", assertThrows(AlexaRejection.class, () -> verifier.verifyRequest(
                request("amzn1.ask.skill.ours", "2026-11-22T12:00:00Z"))).code());
    }

    @Test
    void timestampsAreAcceptedWithin150Seconds() {
        AlexaRequestVerifier verifier = new AlexaRequestVerifier(settings(true), null, Set.of("test"), CLOCK);
        verifier.verifyRequest(request("amzn1.ask.skill.ours", "2026-11-22T11:57:30Z"));
        verifier.verifyRequest(request("amzn1.ask.skill.ours", "2026-11-22T12:02:30Z"));
        assertEquals("stale_request", assertThrows(AlexaRejection.class, () -> verifier.verifyRequest(
                request("amzn1.ask.skill.ours", "2026-11-22T11:57:29Z"))).code());
        assertEquals("invalid_request", assertThrows(AlexaRejection.class, () -> verifier.verifyRequest(
                request("amzn1.ask.skill.ours", "yesterday"))).code());
    }

    @Test
    void spokenSlotValuesAreReadBack() {
        assertEquals("pa 482913", SlotValues.asSpoken("p. a. four eight two nine one three"));
        assertEquals("size 42", SlotValues.asSpoken("size four two"));
        assertEquals("one blue jacket", SlotValues.asSpoken("one blue jacket"));
    }
}
