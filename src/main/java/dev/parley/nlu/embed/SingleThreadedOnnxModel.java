package dev.parley.nlu.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A langchain4j in-process BERT embedding model (the ONNX file and tokenizer its model jar ships) whose ONNX Runtime
 * session computes each sentence on the calling thread. The library's own model classes open the session with ONNX
 * Runtime's defaults: an intra-op pool of one thread per core whose workers spin while waiting for work. Under load
 * every request thread is already busy with one message, so that pool only oversubscribes the cores and burns CPU
 * spinning (BENCHMARKS.md, "Web chat under load"); the parallelism comes from the callers instead: one request
 * thread per message, and {@code embedAll}'s per-sentence executor for batches.
 */
final class SingleThreadedOnnxModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    private SingleThreadedOnnxModel(OnnxBertBiEncoder encoder, int dimension) {
        super(null); // null: the library's default executor for embedAll, one thread per core
        this.encoder = encoder;
        this.dimension = dimension;
    }

    /** Loads {@code model} and {@code tokenizer} from the classpath (the langchain4j model jar). */
    static SingleThreadedOnnxModel fromClasspath(String model, String tokenizer, PoolingMode pooling, int dimension) {
        ClassLoader loader = SingleThreadedOnnxModel.class.getClassLoader();
        try (InputStream modelBytes = resource(loader, model); InputStream tokenizerJson = resource(loader, tokenizer);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(modelBytes.readAllBytes(), options);
            return new SingleThreadedOnnxModel(new OnnxBertBiEncoder(environment, session, tokenizerJson, pooling),
                    dimension);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding model " + model, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load embedding model " + model, e);
        }
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
