package dev.parley.channel.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed with the auth token, of the full URL Twilio called followed
 * by every POST parameter sorted by name, each name immediately followed by its value.
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static String sign(String authToken, String url, Map<String, List<String>> parameters) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, List<String>> parameter : new TreeMap<>(parameters).entrySet()) {
            List<String> values = new ArrayList<>(parameter.getValue());
            values.sort(null); // a repeated name: its values in order too
            for (String value : values) {
                data.append(parameter.getKey()).append(value);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** Constant-time comparison, so the time taken tells nothing about how much of a forgery was right. */
    static boolean matches(String authToken, String url, Map<String, List<String>> parameters, String claimed) {
        byte[] expected = sign(authToken, url, parameters).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, claimed.trim().getBytes(StandardCharsets.UTF_8));
    }
}
