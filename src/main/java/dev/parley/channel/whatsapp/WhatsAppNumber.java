package dev.parley.channel.whatsapp;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.Optional;

/**
 * One of our WhatsApp business numbers and the brand behind it (a file in channels/whatsapp). The secrets were
 * read from the environment variables the file names; {@link #toString()} never shows them.
 *
 * @param phoneNumberId the Graph API's id of the number (webhooks name it in {@code metadata.phone_number_id})
 * @param brand         the brand's name, for logs and people
 * @param locale        the conversations' locale, or null for the service default
 * @param templates     approved templates by use ({@code bot}, {@code agent}, {@code system}: who wrote the message),
 *                      sent instead of free-form messages once the 24-hour window has closed
 * @param labels        the words WhatsApp's lists need around our choices
 */
public record WhatsAppNumber(String phoneNumberId, String brand, String appSecret, String accessToken,
                             String verifyToken, @Nullable String locale, Map<String, Template> templates,
                             Labels labels) {

    public WhatsAppNumber {
        templates = Map.copyOf(templates);
    }

    /**
     * @param listButton     the button that opens a list of choices (at most 20 characters)
     * @param offersSection  the list section of offers, when quick replies follow them (at most 24)
     * @param repliesSection the list section of quick replies, after offers (at most 24)
     */
    public record Labels(String listButton, String offersSection, String repliesSection) {
    }

    /**
     * An approved message template.
     *
     * @param textParameter whether the template's body has one parameter ({{1}}) that carries the message text
     */
    public record Template(String name, String language, boolean textParameter) {
    }

    public Optional<Template> template(String use) {
        return Optional.ofNullable(templates.get(use));
    }

    @Override
    public String toString() {
        return "WhatsAppNumber[" + phoneNumberId + ", " + brand + "]";
    }
}
