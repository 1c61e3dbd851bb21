package dev.parley.handoff;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HS256 key agent tokens are signed and checked with: PARLEY_JWT_SECRET, or, when it is not set, a random one
 * made at start-up (with a warning: logins then end with the process, and instances behind one load balancer do
 * not accept each other's tokens).
 */
@Factory
class JwtSigning {

    private static final Logger LOG = LoggerFactory.getLogger(JwtSigning.class);
    /** HS256 wants a key of at least 256 bits. */
    private static final int MIN_SECRET = 32;

    /**
     * The signature named "generator" is the one JwtTokenGenerator signs with (without it, it would issue unsigned
     * tokens); the token validator checks against every signature bean. Created at start-up, so a missing or short
     * secret is reported at once.
     */
    @Context
    @Named("generator")
    SignatureGeneratorConfiguration generator(AuthSettings settings) {
        String secret = settings.jwtSecret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            LOG.warn("PARLEY_JWT_SECRET is not set: agent logins are signed with a random key made at start-up and"
                    + " end when this process stops");
        } else if (secret.length() < MIN_SECRET) {
            throw new IllegalStateException("PARLEY_JWT_SECRET must have at least " + MIN_SECRET + " characters");
        }
        return new HmacSignature(secret);
    }
}
