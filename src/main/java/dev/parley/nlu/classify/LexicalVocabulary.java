package dev.parley.nlu.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lemma unigrams and bigrams, TF-IDF weighted and L2-normalised. Words and lemmas carry what embeddings blur
 * ("cancel" vs "change" an order, product names); the vocabulary is learned from the training texts, and n-grams
 * never seen in training are ignored.
 */
final class LexicalVocabulary {

    private final Map<String, Integer> index;
    private final float[] idf;

    private LexicalVocabulary(Map<String, Integer> index, float[] idf) {
        this.index = index;
        this.idf = idf;
    }

    static LexicalVocabulary learn(List<List<String>> documents) {
        Map<String, Integer> documentFrequency = new TreeMap<>();
        for (List<String> lemmas : documents) {
            for (String gram : new HashSet<>(grams(lemmas))) {
                documentFrequency.merge(gram, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<Float> idf = new ArrayList<>();
        documentFrequency.forEach((gram, df) -> {
            index.put(gram, index.size());
            idf.add((float) (Math.log((1.0 + documents.size()) / (1.0 + df)) + 1.0));
        });
        float[] weights = new float[idf.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = idf.get(i);
        }
        return new LexicalVocabulary(index, weights);
    }

    int size() {
        return idf.length;
    }

    SparseVector featurize(List<String> lemmas) {
        Map<Integer, Float> counts = new TreeMap<>();
        for (String gram : grams(lemmas)) {
            Integer i = index.get(gram);
            if (i != null) {
                counts.merge(i, 1f, Float::sum);
            }
        }
        if (counts.isEmpty()) {
            return SparseVector.EMPTY;
        }
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        double norm = 0;
        int k = 0;
        for (Map.Entry<Integer, Float> entry : counts.entrySet()) {
            indices[k] = entry.getKey();
            values[k] = (float) ((1 + Math.log(entry.getValue())) * idf[entry.getKey()]);
            norm += values[k] * values[k];
            k++;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return new SparseVector(indices, values);
    }

    private static final Set<String> PUNCTUATION = Set.of(".", ",", "?", "!", ";", ":", "'", "\"", "`", "``", "''");

    static List<String> grams(List<String> lemmas) {
        List<String> words = lemmas.stream().filter(w -> !PUNCTUATION.contains(w)).toList();
        List<String> grams = new ArrayList<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            grams.add(words.get(i));
            if (i > 0) {
                grams.add(words.get(i - 1) + ' ' + words.get(i));
            }
        }
        return grams;
    }

    void write(DataOutputStream out) throws IOException {
        String[] byIndex = new String[idf.length];
        index.forEach((gram, i) -> byIndex[i] = gram);
        out.writeInt(idf.length);
        for (int i = 0; i < idf.length; i++) {
            out.writeUTF(byIndex[i]);
            out.writeFloat(idf[i]);
        }
    }

    static LexicalVocabulary read(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Integer> index = new HashMap<>(size * 2);
        float[] idf = new float[size];
        for (int i = 0; i < size; i++) {
            index.put(in.readUTF(), i);
            idf[i] = in.readFloat();
        }
        return new LexicalVocabulary(index, idf);
    }
}
