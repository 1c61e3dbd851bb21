package dev.parley.nlu.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * The in-process sentence embedding model. all-MiniLM-L6-v2: 384 dimensions, ~7 ms a sentence on one core here.
 * Loaded once per JVM (90 MB of ONNX weights; the session is thread-safe), so test contexts share it.
 */
public final class EmbeddingModels {

    public static final String MINILM = "all-minilm-l6-v2";

    private static volatile EmbeddingModel miniLm;

    private EmbeddingModels() {
    }

    public static EmbeddingModel miniLm() {
        if (miniLm == null) {
            synchronized (EmbeddingModels.class) {
                if (miniLm == null) {
                    miniLm = new AllMiniLmL6V2EmbeddingModel();
                }
            }
        }
        return miniLm;
    }
}
