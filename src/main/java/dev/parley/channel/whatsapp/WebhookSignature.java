package dev.parley.channel.whatsapp;

import io.micronaut.core.annotation.Nullable;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}, checked over the bytes as received
 * (re-serialised JSON would not match). Which number a delivery is for is only known after parsing it, so the
 * signature is checked against every configured app secret first, each in constant time, without stopping at a
 * match; the caller then checks that the numbers named inside belong to the secret that matched.
 */
final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** The app secret that signed the body, if any did. */
    static Optional<String> signer(byte[] body, @Nullable String header, Collection<WhatsAppNumber> numbers) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String signer = null;
        for (WhatsAppNumber number : numbers) {
            if (MessageDigest.isEqual(given, sign(number.appSecret(), body))) {
                signer = number.appSecret();
            }
        }
        return Optional.ofNullable(signer);
    }

    static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
