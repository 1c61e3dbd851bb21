package dev.parley.nlu.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The sentence embeddings of the in-scope training examples, for how close a message comes to anything the model
 * was trained on. The classifier's softmax has to spread all its probability over the intents it knows, so a
 * message about something else can still get a confident top intent; the cosine similarity to the nearest
 * training example has no such constraint. Out-of-scope detection multiplies the two (BENCHMARKS.md: on CLINC150
 * this raised out-of-scope recall by 5 points at the same in-scope rejection rate).
 */
final class NearestExamples {

    private final int dimension;
    private final float[] vectors;

    private NearestExamples(int dimension, float[] vectors) {
        this.dimension = dimension;
        this.vectors = vectors;
    }

    /** @param embeddings unit vectors of equal length */
    static NearestExamples of(List<float[]> embeddings) {
        int dimension = embeddings.isEmpty() ? 0 : embeddings.get(0).length;
        float[] vectors = new float[embeddings.size() * dimension];
        for (int i = 0; i < embeddings.size(); i++) {
            System.arraycopy(embeddings.get(i), 0, vectors, i * dimension, dimension);
        }
        return new NearestExamples(dimension, vectors);
    }

    int size() {
        return dimension == 0 ? 0 : vectors.length / dimension;
    }

    /** Cosine similarity of {@code embedding} (a unit vector) to the nearest example; 1 when there are none. */
    double similarity(float[] embedding) {
        if (size() == 0) {
            return 1.0;
        }
        if (embedding.length != dimension) {
            throw new IllegalArgumentException("embedding has " + embedding.length + " dimensions, the examples "
                    + dimension);
        }
        float best = Float.NEGATIVE_INFINITY;
        for (int offset = 0; offset < vectors.length; offset += dimension) {
            // four partial sums: independent chains the CPU can overlap (a single float sum is one long chain)
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int d = 0;
            for (; d + 3 < dimension; d += 4) {
                s0 += vectors[offset + d] * embedding[d];
                s1 += vectors[offset + d + 1] * embedding[d + 1];
                s2 += vectors[offset + d + 2] * embedding[d + 2];
                s3 += vectors[offset + d + 3] * embedding[d + 3];
            }
            for (; d < dimension; d++) {
                s0 += vectors[offset + d] * embedding[d];
            }
            best = Math.max(best, s0 + s1 + s2 + s3);
        }
        return best;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(dimension);
        out.writeInt(vectors.length);
        for (float v : vectors) {
            out.writeFloat(v);
        }
    }

    static NearestExamples read(DataInputStream in) throws IOException {
        int dimension = in.readInt();
        float[] vectors = new float[in.readInt()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = in.readFloat();
        }
        return new NearestExamples(dimension, vectors);
    }
}
