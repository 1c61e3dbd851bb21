package dev.parley.channel.alexa;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the raw body of an Alexa request into an {@link AlexaRequest}; malformed input is a 400 that says why. */
@Singleton
class AlexaRequestReader {

    private static final String ER_SUCCESS_MATCH = "ER_SUCCESS_MATCH";

    private final JsonMapper json;

    AlexaRequestReader(JsonMapper json) {
        this.json = json;
    }

    AlexaRequest read(byte[] body) {
        JsonNode root;
        try {
            root = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new AlexaRejection("malformed_json", "the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new AlexaRejection("malformed_json", "the body is not a JSON object");
        }
        JsonNode request = object(root, "request");
        JsonNode session = root.get("session");
        JsonNode system = root.get("context") == null ? null : root.get("context").get("System");
        // SessionEndedRequest and requests outside a session may carry the ids only in context.System
        JsonNode identity = session != null && session.isObject() ? session : system;
        if (identity == null || !identity.isObject()) {
            throw invalid("session or context.System is required");
        }
        String applicationId = text(object(identity, "application"), "applicationId");
        String userId = text(object(identity, "user"), "userId");
        String type = text(request, "type");
        String intentName = null;
        Map<String, AlexaRequest.Slot> slots = new LinkedHashMap<>();
        if (type.equals(AlexaRequest.INTENT)) {
            JsonNode intent = object(request, "intent");
            intentName = text(intent, "name");
            JsonNode slotNodes = intent.get("slots");
            if (slotNodes != null && slotNodes.isObject()) {
                for (Map.Entry<String, JsonNode> entry : slotNodes.entries()) {
                    slots.put(entry.getKey(), slot(entry.getKey(), entry.getValue()));
                }
            }
        }
        return new AlexaRequest(type, text(request, "requestId"), text(request, "timestamp"),
                optional(request, "locale"), session != null && session.isObject() ? optional(session, "sessionId")
                : null, applicationId, userId, intentName, slots, optional(request, "reason"));
    }

    private static AlexaRequest.Slot slot(String name, JsonNode node) {
        if (!node.isObject()) {
            throw invalid("slot " + name + " is not an object");
        }
        String resolved = null;
        JsonNode authorities = node.get("resolutions") == null ? null
                : node.get("resolutions").get("resolutionsPerAuthority");
        if (authorities != null && authorities.isArray()) {
            for (JsonNode authority : authorities.values()) {
                JsonNode status = authority.get("status");
                JsonNode values = authority.get("values");
                if (status != null && ER_SUCCESS_MATCH.equals(optional(status, "code")) && values != null
                        && values.isArray() && values.size() > 0 && values.get(0).get("value") != null) {
                    resolved = optional(values.get(0).get("value"), "id");
                    break;
                }
            }
        }
        return new AlexaRequest.Slot(name, optional(node, "value"), resolved);
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw invalid(field + " must be an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field) {
        String value = optional(parent, field);
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return value;
    }

    private static String optional(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isString() ? node.getStringValue() : null;
    }

    private static AlexaRejection invalid(String why) {
        return new AlexaRejection("invalid_request", "not an Alexa request: " + why);
    }
}
