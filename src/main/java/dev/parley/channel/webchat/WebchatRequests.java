package dev.parley.channel.webchat;

import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Reads and checks web chat request bodies from their raw bytes, so every problem (bytes that are not UTF-8, JSON
 * that does not parse, a field of the wrong type, text that is empty, too long or holds control characters or
 * broken surrogates) is a precise 400 before anything is stored.
 */
@Singleton
class WebchatRequests {

    /** Visitor, client message and customer ids: the characters ids are made of, nothing that needs escaping. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");
    private static final int MAX_PAYLOAD = 500;
    private static final int MAX_NAME = 100;

    record StartSession(@Nullable String visitorId, @Nullable String locale, @Nullable String customerId,
                        @Nullable String name) {
    }

    record SendMessage(String text, @Nullable String clientMessageId, @Nullable String payload) {
    }

    private final JsonMapper json;
    private final WebchatSettings settings;

    WebchatRequests(JsonMapper json, WebchatSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    StartSession startSession(@Nullable byte[] body) {
        JsonNode object = object(body, true);
        String visitorId = optional(object, "visitorId");
        check(visitorId == null || ID.matcher(visitorId).matches(), "invalid_visitor_id",
                "visitorId must be 1 to 100 letters, digits or . _ : @ -");
        String locale = optional(object, "locale");
        check(locale == null || (locale.length() <= 35 && LOCALE.matcher(locale).matches()), "invalid_locale",
                "locale must be a BCP-47 tag such as en or pt-BR");
        String customerId = optional(object, "customerId");
        check(customerId == null || customerId.length() <= 300, "invalid_customer_id", "customerId is too long");
        String name = optional(object, "name");
        if (name != null) {
            name = name.strip();
            check(!name.isEmpty() && name.codePointCount(0, name.length()) <= MAX_NAME && isCleanText(name, false),
                    "invalid_name", "name must be 1 to " + MAX_NAME + " printable characters");
        }
        return new StartSession(visitorId, locale, customerId == null ? null : verifiedCustomerId(customerId), name);
    }

    SendMessage sendMessage(@Nullable byte[] body) {
        JsonNode object = object(body, false);
        String text = optional(object, "text");
        check(text != null, "missing_text", "text is required");
        text = text.strip();
        check(!text.isEmpty(), "empty_text", "text must not be empty");
        // counted as the NLU counts (UTF-16 units: an emoji is two), so whatever is accepted can be understood
        check(text.length() <= settings.maxTextLength(), "text_too_long",
                "text is " + text.length() + " characters; at most " + settings.maxTextLength() + " are accepted");
        check(isCleanText(text, true), "invalid_text", "text holds control characters or broken surrogates");
        String clientMessageId = optional(object, "clientMessageId");
        check(clientMessageId == null || ID.matcher(clientMessageId).matches(), "invalid_client_message_id",
                "clientMessageId must be 1 to 100 letters, digits or . _ : @ -");
        String payload = optional(object, "payload");
        check(payload == null || (payload.length() <= MAX_PAYLOAD && isCleanText(payload, false)), "invalid_payload",
                "payload must be at most " + MAX_PAYLOAD + " printable characters");
        return new SendMessage(text, clientMessageId, payload);
    }

    /** With a secret configured, {@code id.signature} is checked and the id returned; else the id is trusted. */
    private String verifiedCustomerId(String customerId) {
        String secret = settings.customerIdSecret();
        if (secret == null || secret.isBlank()) {
            check(ID.matcher(customerId).matches(), "invalid_customer_id",
                    "customerId must be 1 to 100 letters, digits or . _ : @ -");
            return customerId;
        }
        int dot = customerId.lastIndexOf('.');
        check(dot > 0, "invalid_customer_id", "customerId must be signed: <id>.<signature>");
        String id = customerId.substring(0, dot);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(customerId.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_customer_id", "customerId signature is not hex");
        }
        check(ID.matcher(id).matches() && MessageDigest.isEqual(given, hmac(secret, id)), "invalid_customer_id",
                "customerId signature does not match");
        return id;
    }

    static byte[] hmac(String secret, String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode object(@Nullable byte[] body, boolean emptyAllowed) {
        if (body == null || body.length == 0) {
            check(emptyAllowed, "missing_body", "a JSON object body is required");
            return JsonNode.createObjectNode(java.util.Map.of());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("invalid_encoding", "the body is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNode node;
        try {
            node = json.readValue(text, JsonNode.class);
        } catch (Exception e) {
            throw ApiException.badRequest("malformed_json", "the body is not valid JSON");
        }
        check(node != null && node.isObject(), "invalid_request", "the body must be a JSON object");
        return node;
    }

    private static @Nullable String optional(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        check(value.isString(), "invalid_" + snake(field), field + " must be a string");
        return value.getStringValue();
    }

    /** No control characters (line breaks and tabs allowed in message text) and no unpaired surrogates. */
    private static boolean isCleanText(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.getType(c) == Character.CONTROL
                    && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
        }
        return true;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static void check(boolean ok, String code, String message) {
        if (!ok) {
            throw ApiException.badRequest(code, message);
        }
    }
}
