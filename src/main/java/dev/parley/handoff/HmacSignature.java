package dev.parley.handoff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;

import java.nio.charset.StandardCharsets;

/**
 * HS256 signing and checking of agent tokens with one shared key. Micronaut's own secret signature is bound to
 * configuration properties; this one takes the key {@link JwtSigning} decided on (configured or random).
 */
final class HmacSignature implements SignatureGeneratorConfiguration {

    private final byte[] key;

    HmacSignature(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the HS256 algorithm is supported";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.HS256.equals(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return supports(jwt.getHeader().getAlgorithm()) && jwt.verify(new MACVerifier(key));
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt;
    }
}
