package dev.parley.nlu;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An entity found in a message.
 *
 * @param type   the entity type, e.g. {@code color}, {@code order_number}, {@code MONEY}
 * @param text   the surface text as written
 * @param start  character offset of the first character (inclusive)
 * @param end    character offset after the last character (exclusive)
 * @param value  the canonical value (a synonym's canonical form, a normalised number or date)
 * @param source which extractor found it: {@code regex}, {@code lookup}, {@code synonym}, {@code fuzzy}, {@code ner}
 */
@Serdeable
public record Entity(String type, String text, int start, int end, String value, String source) {
}
