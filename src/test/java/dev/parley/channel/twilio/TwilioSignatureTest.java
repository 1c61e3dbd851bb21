package dev.parley.channel.twilio;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signature against the worked example of Twilio's webhook security guide, and what breaks it. */
class TwilioSignatureTest {

    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final String EXPECTED = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    static Map<String, List<String>> params() {
        Map<String, List<String>> params = new LinkedHashMap<>(); // out of order on purpose: the signature sorts
        params.put("To", List.of("+18005551212"));
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        params.put("Digits", List.of("1234"));
        params.put("From", List.of("+12349013030"));
        params.put("Caller", List.of("+12349013030"));
        return params;
    }

    @Test
    void matchesTwiliosPublishedExample() {
        assertEquals(EXPECTED, TwilioSignature.sign("12345", URL, params()));
        assertTrue(TwilioSignature.matches("12345", URL, params(), EXPECTED));
    }

    @Test
    void anyChangeBreaksIt() {
        Map<String, List<String>> tampered = params();
        tampered.put("Digits", List.of("9999"));
        assertFalse(TwilioSignature.matches("12345", URL, tampered, EXPECTED));
        assertFalse(TwilioSignature.matches("12345", URL.replace("bar=2", "bar=3"), params(), EXPECTED));
        assertFalse(TwilioSignature.matches("54321", URL, params(), EXPECTED));
        assertFalse(TwilioSignature.matches("12345", URL, params(), EXPECTED.substring(1)));
    }
}
