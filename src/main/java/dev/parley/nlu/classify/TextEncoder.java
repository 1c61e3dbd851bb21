package dev.parley.nlu.classify;

import dev.parley.nlu.annotate.CoreNlpAnnotator;
import dev.parley.nlu.data.LabeledText;
import dev.parley.nlu.embed.SentenceEmbedder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Turns labelled texts into {@link EncodedText}: lemmas from CoreNLP and embeddings, with progress. */
public final class TextEncoder {

    private final CoreNlpAnnotator lexical;
    private final SentenceEmbedder embedder;

    public TextEncoder(CoreNlpAnnotator lexical, SentenceEmbedder embedder) {
        this.lexical = lexical;
        this.embedder = embedder;
    }

    public List<EncodedText> encode(List<LabeledText> rows, String what, Consumer<String> progress) {
        List<String> texts = rows.stream().map(LabeledText::text).toList();
        int total = texts.size();
        int step = Math.max(500, total / 10);
        List<float[]> embeddings = embedder.embedAll(texts, done -> {
            if (done == total || done % step < 32) {
                progress.accept(what + ": embedded " + done + "/" + total);
            }
        });
        List<EncodedText> encoded = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            LabeledText row = rows.get(i);
            encoded.add(new EncodedText(row.text(), row.intent(), embeddings.get(i),
                    lexical.annotate(row.text()).lemmas()));
            if ((i + 1) % step == 0 || i + 1 == total) {
                progress.accept(what + ": annotated " + (i + 1) + "/" + total);
            }
        }
        return encoded;
    }
}
