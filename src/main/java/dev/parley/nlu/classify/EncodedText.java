package dev.parley.nlu.classify;

import java.util.List;

/** A text turned into what the classifier reads: its sentence embedding and its lemmas (label optional). */
public record EncodedText(String text, String intent, float[] embedding, List<String> lemmas) {
}
