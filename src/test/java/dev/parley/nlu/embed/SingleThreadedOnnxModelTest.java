package dev.parley.nlu.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The single-threaded sessions give the vectors of langchain4j's own model classes (same files, same pooling). */
class SingleThreadedOnnxModelTest {

    private static final String[] SENTENCES = {"where is my order PA-123456", "hi",
            "do you have red sneakers in size 42 and in black?"};

    @Test
    void miniLmMatchesTheLibraryModel() {
        assertSameVectors(new AllMiniLmL6V2EmbeddingModel(), EmbeddingModels.named(EmbeddingModels.MINILM));
    }

    @Test
    void bgeSmallMatchesTheLibraryModel() {
        assertSameVectors(new BgeSmallEnV15QuantizedEmbeddingModel(), EmbeddingModels.named(EmbeddingModels.BGE_SMALL));
    }

    private static void assertSameVectors(EmbeddingModel library, EmbeddingModel ours) {
        assertEquals(library.dimension(), ours.dimension());
        for (String sentence : SENTENCES) {
            assertArrayEquals(library.embed(sentence).content().vector(), ours.embed(sentence).content().vector(),
                    1e-4f, sentence);
        }
    }
}
