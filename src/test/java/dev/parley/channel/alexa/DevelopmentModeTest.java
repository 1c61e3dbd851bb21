package dev.parley.channel.alexa;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as a developer runs it locally: the dev environment with Alexa verification switched off (a
 * simulator that cannot sign), and no phone line configured.
 */
@MicronautTest(environments = AlexaRequestVerifier.DEV_ENVIRONMENT, transactional = false)
@Property(name = "parley.alexa.application-id", value = AlexaSkillTest.SKILL)
@Property(name = "parley.alexa.verify-requests", value = "false")
class DevelopmentModeTest {

    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void unsignedRequestsForOurSkillAreAnswered() {
        String session = "amzn1.echo-api.session." + UUID.randomUUID();
        // no signature headers, and a timestamp far outside the 150 s a signed request must keep
        String launch = AlexaSkillTest.launch(session, "req-" + UUID.randomUUID(), Instant.now().minusSeconds(3600));
        Map<String, Object> answer = client.toBlocking().retrieve(HttpRequest.POST("/api/voice/alexa", launch)
                .contentType(MediaType.APPLICATION_JSON), JSON);
        assertTrue(((Map<?, ?>) ((Map<?, ?>) answer.get("response")).get("outputSpeech")).get("ssml").toString()
                .startsWith("<speak>"));

        String foreign = AlexaSkillTest.launch(session, "req-" + UUID.randomUUID(), Instant.now())
                .replace(AlexaSkillTest.SKILL, "amzn1.ask.skill.someone-else");
        assertEquals("wrong_application", refused(HttpRequest.POST("/api/voice/alexa", foreign)
                .contentType(MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST));
    }

    @Test
    void withoutAnAuthTokenThePhoneLineRefusesEveryWebhook() {
        assertEquals("twilio_not_configured", refused(HttpRequest.POST("/api/voice/twilio/calls",
                "CallSid=CA1&From=%2B15551230001").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("X-Twilio-Signature", "c2lnbmF0dXJl"), HttpStatus.FORBIDDEN));
    }

    private String refused(HttpRequest<?> request, HttpStatus status) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, JSON, JSON));
        assertEquals(status, error.getStatus());
        return (String) error.getResponse().getBody(JSON).orElseThrow().get("error");
    }
}
