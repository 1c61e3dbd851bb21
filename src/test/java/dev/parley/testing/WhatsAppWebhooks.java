package dev.parley.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Test sources: WhatsApp Cloud API webhook bodies as Meta sends them (channels.md), and their
 * {@code X-Hub-Signature-256} header. Text values are JSON-escaped by the caller's choice of plain ASCII.
 */
public final class WhatsAppWebhooks {

    private WhatsAppWebhooks() {
    }

    /** A {@code messages} change carrying message objects, with the sender's profile. */
    public static String message(String phoneNumberId, String from, String... messageJson) {
        return envelope(phoneNumberId, "\"contacts\":[{\"profile\":{\"name\":\"Test Shopper\"},\"wa_id\":\"" + from
                + "\"}],\"messages\":[" + String.join(",", messageJson) + "]");
    }

    /** A {@code messages} change carrying status reports. */
    public static String statuses(String phoneNumberId, String... statusJson) {
        return envelope(phoneNumberId, "\"statuses\":[" + String.join(",", statusJson) + "]");
    }

    public static String envelope(String phoneNumberId, String valueFields) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA-1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550000000\",\"phone_number_id\":\"" + phoneNumberId + "\"}," + valueFields + "}}]}]}";
    }

    public static String text(String from, String wamid, long timestamp, String body) {
        return typed(from, wamid, timestamp, "text", "{\"body\":\"" + body + "\"}");
    }

    public static String buttonReply(String from, String wamid, long timestamp, String id, String title) {
        return typed(from, wamid, timestamp, "interactive", "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\""
                + id + "\",\"title\":\"" + title + "\"}}");
    }

    public static String listReply(String from, String wamid, long timestamp, String id, String title) {
        return typed(from, wamid, timestamp, "interactive", "{\"type\":\"list_reply\",\"list_reply\":{\"id\":\""
                + id + "\",\"title\":\"" + title + "\",\"description\":\"\"}}");
    }

    /** A template's quick-reply button. */
    public static String templateButton(String from, String wamid, long timestamp, String payload, String text) {
        return typed(from, wamid, timestamp, "button", "{\"payload\":\"" + payload + "\",\"text\":\"" + text + "\"}");
    }

    public static String typed(String from, String wamid, long timestamp, String type, String content) {
        return "{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestamp + "\",\"type\":\""
                + type + "\",\"" + type + "\":" + content + "}";
    }

    public static String status(String wamid, String status, long timestamp, String recipient) {
        return "{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + timestamp
                + "\",\"recipient_id\":\"" + recipient + "\"}";
    }

    public static String failedStatus(String wamid, long timestamp, String recipient, int code, String title) {
        return "{\"id\":\"" + wamid + "\",\"status\":\"failed\",\"timestamp\":\"" + timestamp + "\",\"recipient_id\":\""
                + recipient + "\",\"errors\":[{\"code\":" + code + ",\"title\":\"" + title + "\"}]}";
    }

    /** {@code sha256=<hex HMAC-SHA256(secret, body)>}. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
