package dev.parley.nlu.data;

/** An entity an intent needs, and what to ask when it is missing. */
public record SlotRequirement(String entity, String prompt) {
}
