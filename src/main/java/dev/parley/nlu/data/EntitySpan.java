package dev.parley.nlu.data;

/**
 * An entity annotated in an example: {@code [red](color)} gives type {@code color}, the span of {@code red} in
 * the plain text, and value {@code red} unless the markup names another canonical value.
 */
public record EntitySpan(String type, int start, int end, String value) {
}
