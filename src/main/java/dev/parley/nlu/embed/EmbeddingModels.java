package dev.parley.nlu.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process sentence embedding models, by name ({@code parley.nlu.embedding-model}):
 * <ul>
 *   <li>{@value #MINILM}: 384 dimensions, ~7 ms a sentence on one core here (the default);</li>
 *   <li>{@value #BGE_SMALL}: bge-small-en-v1.5, int8-quantised, 384 dimensions, ~1.5x slower;</li>
 *   <li>names joined by {@code +}: the models' unit vectors side by side (each scaled so the whole stays a unit
 *       vector), which lets the classifier use what either model captures, at the sum of their costs.</li>
 * </ul>
 * Each model is loaded once per JVM (tens of MB of ONNX weights; sessions are thread-safe), so test contexts share it.
 * They are the files of langchain4j's model jars (same ONNX graph, tokenizer and pooling as its
 * {@code AllMiniLmL6V2EmbeddingModel} and {@code BgeSmallEnV15QuantizedEmbeddingModel}), run single-threaded per call
 * ({@link SingleThreadedOnnxModel}).
 */
public final class EmbeddingModels {

    public static final String MINILM = "all-minilm-l6-v2";
    public static final String BGE_SMALL = "bge-small-en-v1.5-q";

    private static final Map<String, EmbeddingModel> LOADED = new ConcurrentHashMap<>();

    private EmbeddingModels() {
    }

    public static EmbeddingModel miniLm() {
        return named(MINILM);
    }

    /** @throws IllegalArgumentException for a name that is none of the above */
    public static EmbeddingModel named(String name) {
        return LOADED.computeIfAbsent(name, EmbeddingModels::load);
    }

    private static EmbeddingModel load(String name) {
        if (name.contains("+")) {
            return new Concatenated(Arrays.stream(name.split("\\+")).map(String::trim).map(EmbeddingModels::named)
                    .toList());
        }
        return switch (name) {
            case MINILM -> SingleThreadedOnnxModel.fromClasspath("all-minilm-l6-v2.onnx",
                    "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN, 384);
            case BGE_SMALL -> SingleThreadedOnnxModel.fromClasspath("bge-small-en-v1.5-q.onnx",
                    "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, 384);
            default -> throw new IllegalArgumentException("unknown embedding model " + name + "; known: " + MINILM
                    + ", " + BGE_SMALL + ", or several joined by +");
        };
    }

    /** Several models' unit vectors, concatenated and scaled by 1/sqrt(n): a unit vector again. */
    private record Concatenated(List<EmbeddingModel> parts) implements EmbeddingModel {

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<List<Embedding>> byPart = parts.stream().map(part -> part.embedAll(segments).content()).toList();
            int dimension = dimension();
            float scale = (float) (1 / Math.sqrt(parts.size()));
            List<Embedding> joined = new ArrayList<>(segments.size());
            for (int i = 0; i < segments.size(); i++) {
                float[] vector = new float[dimension];
                int offset = 0;
                for (List<Embedding> part : byPart) {
                    float[] unit = SentenceEmbedder.unit(part.get(i).vector());
                    for (int d = 0; d < unit.length; d++) {
                        vector[offset + d] = unit[d] * scale;
                    }
                    offset += unit.length;
                }
                joined.add(Embedding.from(vector));
            }
            return Response.from(joined);
        }

        @Override
        public int dimension() {
            return parts.stream().mapToInt(EmbeddingModel::dimension).sum();
        }
    }
}
