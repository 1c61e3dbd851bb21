package dev.parley.channel.alexa;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;

/**
 * Everything Alexa requires a skill's web service to check before trusting a request: the certificate URL
 * ({@link CertificateChainUrl}), the chain and signing certificate ({@link SigningCertificates}), the
 * {@code Signature-256} header (SHA256withRSA over the raw body bytes), a timestamp within
 * {@code parley.alexa.timestamp-tolerance-seconds} of now, and our application id.
 * <p>
 * Created with the application context, so a configuration that turns verification off outside the {@code dev}
 * environment stops the service from starting instead of quietly accepting forged requests.
 */
@Context
class AlexaRequestVerifier {

    static final String DEV_ENVIRONMENT = "dev";
    private static final Logger LOG = LoggerFactory.getLogger(AlexaRequestVerifier.class);

    private final AlexaSettings settings;
    private final SigningCertificates certificates;
    private final Clock clock;

    @Inject
    AlexaRequestVerifier(AlexaSettings settings, SigningCertificates certificates, Environment environment) {
        this(settings, certificates, environment.getActiveNames(), Clock.systemUTC());
    }

    AlexaRequestVerifier(AlexaSettings settings, SigningCertificates certificates, Set<String> environments,
                         Clock clock) {
        if (!settings.verifyRequests() && !environments.contains(DEV_ENVIRONMENT)) {
            throw new ConfigurationException("parley.alexa.verify-requests=false is only allowed in the '"
                    + DEV_ENVIRONMENT + "' environment (MICRONAUT_ENVIRONMENTS=dev); active: " + environments);
        }
        if (!settings.verifyRequests()) {
            LOG.warn("Alexa request verification is OFF (dev environment): any caller can talk to the skill");
        }
        this.settings = settings;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** Checks the signature headers over the raw body, before the body is read at all. */
    void verifySignature(@Nullable String certChainUrl, @Nullable String signature256, byte[] body) {
        if (!settings.verifyRequests()) {
            return;
        }
        URI url = CertificateChainUrl.check(certChainUrl);
        if (signature256 == null || signature256.isBlank()) {
            throw new AlexaRejection("missing_signature", "Signature-256 header is missing");
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(signature256.trim());
        } catch (IllegalArgumentException e) {
            throw new AlexaRejection("invalid_signature", "Signature-256 is not base64");
        }
        X509Certificate signing = certificates.signingCertificate(url, clock.instant());
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(signing.getPublicKey());
            verifier.update(body);
            if (!verifier.verify(claimed)) {
                throw new AlexaRejection("invalid_signature", "Signature-256 does not match the body");
            }
        } catch (GeneralSecurityException e) {
            throw new AlexaRejection("invalid_signature", "Signature-256 could not be checked");
        }
    }

    /** Checks what the (signed) body says: for our skill, and sent just now (not a replay). */
    void verifyRequest(AlexaRequest request) {
        String expected = settings.applicationId();
        if (expected == null || expected.isBlank()) {
            throw new AlexaRejection("alexa_not_configured", "parley.alexa.application-id is not set, so no"
                    + " request can be accepted");
        }
        if (!MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                request.applicationId().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new AlexaRejection("wrong_application", "the request is for another skill");
        }
        if (!settings.verifyRequests()) {
            return;
        }
        Instant sent;
        try {
            sent = Instant.parse(request.timestamp());
        } catch (DateTimeParseException e) {
            throw new AlexaRejection("invalid_request", "request.timestamp is not an ISO-8601 instant");
        }
        Duration age = Duration.between(sent, clock.instant()).abs();
        if (age.getSeconds() > settings.timestampToleranceSeconds()) {
            throw new AlexaRejection("stale_request", "request.timestamp is more than "
                    + settings.timestampToleranceSeconds() + " s from now");
        }
    }
}
