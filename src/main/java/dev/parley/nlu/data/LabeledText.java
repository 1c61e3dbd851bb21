package dev.parley.nlu.data;

/** One training or evaluation row: a text and its intent ({@code oos} for out-of-scope). */
public record LabeledText(String text, String intent) {
}
