package dev.parley.nlu.data;

import java.util.List;

/** A training example: plain text (markup removed) and the entities annotated in it. */
public record Example(String text, List<EntitySpan> entities) {

    public Example {
        entities = List.copyOf(entities);
    }

    public static Example of(String text) {
        return new Example(text, List.of());
    }
}
