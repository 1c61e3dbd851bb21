package dev.parley.nlu.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Sentence embeddings (meaning) for the classifier: L2-normalised vectors from a langchain4j in-process model,
 * with a cache in front so that repeated texts (greetings, quick-reply titles, training rows on re-runs) cost
 * nothing.
 */
public class SentenceEmbedder {

    private static final int BATCH = 32;

    private final EmbeddingModel model;
    private final EmbeddingCache cache;

    public SentenceEmbedder(EmbeddingModel model, EmbeddingCache cache) {
        this.model = model;
        this.cache = cache;
    }

    public int dimension() {
        return model.dimension();
    }

    public float[] embed(String text) {
        String key = normalise(text);
        float[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        float[] vector = unit(model.embed(key).content());
        cache.put(key, vector);
        return vector;
    }

    /** Embeds many texts in batches; {@code progress} receives the number done so far. */
    public List<float[]> embedAll(List<String> texts, IntConsumer progress) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] cached = cache.get(normalise(texts.get(i)));
            vectors.add(cached);
            if (cached == null) {
                missing.add(i);
            }
        }
        int done = texts.size() - missing.size();
        progress.accept(done);
        for (int start = 0; start < missing.size(); start += BATCH) {
            List<Integer> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
            List<TextSegment> segments = batch.stream().map(i -> TextSegment.from(normalise(texts.get(i)))).toList();
            List<Embedding> embeddings = model.embedAll(segments).content();
            for (int j = 0; j < batch.size(); j++) {
                float[] vector = unit(embeddings.get(j));
                cache.put(segments.get(j).text(), vector);
                vectors.set(batch.get(j), vector);
            }
            done += batch.size();
            progress.accept(done);
        }
        cache.flush();
        return vectors;
    }

    /** Case and surrounding space carry no intent; folding them raises cache hits. */
    static String normalise(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static float[] unit(Embedding embedding) {
        return unit(embedding.vector());
    }

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
