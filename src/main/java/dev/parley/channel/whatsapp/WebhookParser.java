package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a webhook body (already authenticated by its signature) into a {@link WebhookDelivery}. Anything that does
 * not have the documented shape is a 400 before anything is stored; changes other than {@code messages} and
 * status values we do not track are skipped.
 */
final class WebhookParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._+-]{1,64}");
    private static final Pattern NUMBER_ID = Pattern.compile("[0-9]{1,64}");
    private static final Set<String> TRACKED_STATUSES = Set.of("sent", "delivered", "read", "failed");
    private static final int MAX_ID = 191;

    private WebhookParser() {
    }

    static WebhookDelivery parse(@Nullable byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("missing_body", "a JSON body is required");
        }
        JsonNode root;
        try (JsonParser parser = JSON.createParser(body)) {
            root = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw invalid("malformed_json", "the body holds more than one JSON value");
            }
        } catch (IOException e) {
            throw invalid("malformed_json", "the body is not valid JSON");
        }
        check(root != null && root.isObject(), "invalid_webhook", "the body must be a JSON object");
        check("whatsapp_business_account".equals(root.path("object").asText(null)), "invalid_webhook",
                "object must be whatsapp_business_account");
        List<WebhookDelivery.Message> messages = new ArrayList<>();
        List<WebhookDelivery.Status> statuses = new ArrayList<>();
        for (JsonNode entry : array(root, "entry")) {
            for (JsonNode change : array(entry, "changes")) {
                if (!"messages".equals(change.path("field").asText(null))) {
                    continue; // account and template updates: not for the conversation
                }
                JsonNode value = change.path("value");
                check(value.isObject(), "invalid_webhook", "a messages change needs a value object");
                String numberId = text(value.path("metadata"), "phone_number_id");
                check(NUMBER_ID.matcher(numberId).matches(), "invalid_webhook", "phone_number_id must be numeric");
                Map<String, String> names = contactNames(value);
                for (JsonNode message : optionalArray(value, "messages")) {
                    messages.add(message(numberId, message, names));
                }
                for (JsonNode status : optionalArray(value, "statuses")) {
                    status(numberId, status).ifPresent(statuses::add);
                }
            }
        }
        return new WebhookDelivery(messages, statuses);
    }

    private static WebhookDelivery.Message message(String numberId, JsonNode message, Map<String, String> names) {
        check(message.isObject(), "invalid_message", "a message must be an object");
        String from = text(message, "from");
        check(USER_ID.matcher(from).matches(), "invalid_message", "from is not a WhatsApp id");
        String wamid = text(message, "id");
        check(wamid.length() <= MAX_ID, "invalid_message", "message id is too long");
        String type = text(message, "type");
        return new WebhookDelivery.Message(numberId, from, wamid, timestamp(message), type, message, names.get(from));
    }

    private static java.util.Optional<WebhookDelivery.Status> status(String numberId, JsonNode status) {
        check(status.isObject(), "invalid_status", "a status must be an object");
        String wamid = text(status, "id");
        String value = text(status, "status");
        Instant at = timestamp(status);
        if (!TRACKED_STATUSES.contains(value)) {
            return java.util.Optional.empty();
        }
        String code = null;
        String title = null;
        JsonNode errors = status.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            code = first.path("code").isValueNode() ? first.path("code").asText() : null;
            title = first.path("title").isTextual() ? first.path("title").asText()
                    : first.path("message").isTextual() ? first.path("message").asText() : null;
        }
        return java.util.Optional.of(new WebhookDelivery.Status(numberId, wamid, value, at, code, title));
    }

    private static Map<String, String> contactNames(JsonNode value) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : optionalArray(value, "contacts")) {
            JsonNode name = contact.path("profile").path("name");
            if (contact.path("wa_id").isTextual() && name.isTextual() && !name.asText().isBlank()) {
                names.put(contact.path("wa_id").asText(), name.asText().strip());
            }
        }
        return names;
    }

    private static Instant timestamp(JsonNode node) {
        JsonNode value = node.path("timestamp");
        check(value.isTextual() || value.isIntegralNumber(), "invalid_webhook", "timestamp must be unix seconds");
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.asText()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw invalid("invalid_webhook", "timestamp must be unix seconds");
        }
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        check(value.isArray(), "invalid_webhook", field + " must be an array");
        return value;
    }

    private static Iterable<JsonNode> optionalArray(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        return array(node, field);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        check(value.isTextual() && !value.asText().isBlank(), "invalid_webhook", field + " must be a non-empty string");
        return value.asText();
    }

    private static void check(boolean ok, String code, String message) {
        if (!ok) {
            throw invalid(code, message);
        }
    }

    private static ApiException invalid(String code, String message) {
        return ApiException.badRequest(code, message);
    }
}
