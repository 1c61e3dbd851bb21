package dev.parley.channel.alexa;

import dev.parley.nlu.Entity;
import dev.parley.nlu.data.TrainingData;
import dev.parley.nlu.entity.DictionaryEntityExtractor;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an Alexa slot into the canonical entity value the dialogue expects. A value Alexa resolved against our
 * slot type carries the canonical value as its id (the exported model sets it so). Otherwise the heard words are
 * read back the way they were spoken ("p. a. four eight two nine one three" → "pa 482913") and given to the same
 * entity extractor as typed text, so "pa 482913" becomes order number PA-482913; failing that the words are kept.
 */
@Singleton
class SlotValues {

    private static final Map<String, String> DIGITS = Map.ofEntries(Map.entry("zero", "0"), Map.entry("oh", "0"),
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"));
    private static final Pattern DIGIT_WORDS = Pattern.compile(
            "\\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?:[\\s-]+(?:zero|oh|one|two|three|four|five"
                    + "|six|seven|eight|nine))+\\b");
    private static final Pattern SPELLED_LETTERS = Pattern.compile("\\b[a-z](?:\\s+[a-z]\\b)+");

    private final DictionaryEntityExtractor entities;

    SlotValues(TrainingData data) {
        this.entities = new DictionaryEntityExtractor(data.entities());
    }

    Optional<String> canonical(String entityType, AlexaRequest.Slot slot) {
        if (slot.resolvedId() != null && !slot.resolvedId().isBlank()) {
            return Optional.of(slot.resolvedId());
        }
        if (slot.value() == null || slot.value().isBlank()) {
            return Optional.empty();
        }
        String heard = asSpoken(slot.value());
        return Optional.of(entities.extract(heard).stream().filter(e -> e.type().equals(entityType))
                .map(Entity::value).findFirst().orElse(slot.value().trim()));
    }

    /** Spelled letters joined ("p. a." → "pa"), runs of digit words as digits ("four two" → "42"). */
    static String asSpoken(String value) {
        String text = value.toLowerCase(Locale.ROOT).replace(".", " ").replaceAll("\\s+", " ").trim();
        text = SPELLED_LETTERS.matcher(text).replaceAll(match -> match.group().replace(" ", ""));
        Matcher digits = DIGIT_WORDS.matcher(text);
        return digits.replaceAll(match -> {
            StringBuilder number = new StringBuilder();
            for (String word : match.group().split("[\\s-]+")) {
                number.append(DIGITS.get(word));
            }
            return number.toString();
        });
    }
}
