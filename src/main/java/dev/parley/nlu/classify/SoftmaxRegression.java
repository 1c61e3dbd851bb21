package dev.parley.nlu.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Multinomial logistic regression over dense + sparse features, trained by mini-batch Adam with lazy updates of
 * the sparse weights (only features present in a batch are touched, so a 50k-gram vocabulary costs no more per
 * step than the words in the batch). Weights are stored feature-major: the class weights of one feature are
 * contiguous, which is what both the forward pass and the sparse update read.
 */
final class SoftmaxRegression {

    private final int classes;
    private final int denseDim;
    private final float[] weights;
    private final float[] bias;

    private SoftmaxRegression(int classes, int denseDim, float[] weights, float[] bias) {
        this.classes = classes;
        this.denseDim = denseDim;
        this.weights = weights;
        this.bias = bias;
    }

    /** Training settings; {@code classWeights} may be null for uniform weighting. */
    record Settings(int epochs, int batchSize, double learningRate, double l2, long seed) {
        static Settings defaults() {
            return new Settings(30, 32, 0.01, 1e-5, 13);
        }
    }

    int classes() {
        return classes;
    }

    double[] logits(Features x) {
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            z[c] = bias[c];
        }
        float[] dense = x.dense();
        for (int j = 0; j < denseDim; j++) {
            float v = dense[j];
            int base = j * classes;
            for (int c = 0; c < classes; c++) {
                z[c] += v * weights[base + c];
            }
        }
        SparseVector sparse = x.sparse();
        for (int k = 0; k < sparse.indices().length; k++) {
            float v = sparse.values()[k];
            int base = (denseDim + sparse.indices()[k]) * classes;
            for (int c = 0; c < classes; c++) {
                z[c] += v * weights[base + c];
            }
        }
        return z;
    }

    static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            p[c] = Math.exp((logits[c] - max) / temperature);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    static SoftmaxRegression train(List<Features> xs, int[] labels, int classes, int denseDim, int sparseDim,
                                   double[] sampleWeights, Settings settings, IntConsumer epochDone) {
        int features = denseDim + sparseDim;
        float[] w = new float[features * classes];
        float[] b = new float[classes];
        // Adam moments; lastStep lets sparse rows catch up on the weight decay they skipped.
        float[] m = new float[w.length];
        float[] v = new float[w.length];
        float[] mb = new float[classes];
        float[] vb = new float[classes];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        SoftmaxRegression model = new SoftmaxRegression(classes, denseDim, w, b);
        Random random = new Random(settings.seed());
        int n = xs.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[] gradient = new float[w.length];
        boolean[] touched = new boolean[features];
        int[] touchedList = new int[features];
        float[] gb = new float[classes];
        int step = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += settings.batchSize()) {
                int end = Math.min(n, start + settings.batchSize());
                int touchedCount = 0;
                java.util.Arrays.fill(gb, 0);
                for (int j = 0; j < denseDim; j++) {
                    touched[j] = true;
                    touchedList[touchedCount++] = j;
                }
                for (int i = start; i < end; i++) {
                    int row = order[i];
                    Features x = xs.get(row);
                    double[] p = softmax(model.logits(x), 1.0);
                    double weight = sampleWeights == null ? 1.0 : sampleWeights[row];
                    p[labels[row]] -= 1.0;
                    for (int c = 0; c < classes; c++) {
                        p[c] *= weight;
                        gb[c] += (float) p[c];
                    }
                    for (int j = 0; j < denseDim; j++) {
                        float value = x.dense()[j];
                        int base = j * classes;
                        for (int c = 0; c < classes; c++) {
                            gradient[base + c] += (float) (p[c] * value);
                        }
                    }
                    SparseVector sparse = x.sparse();
                    for (int k = 0; k < sparse.indices().length; k++) {
                        int feature = denseDim + sparse.indices()[k];
                        if (!touched[feature]) {
                            touched[feature] = true;
                            touchedList[touchedCount++] = feature;
                        }
                        float value = sparse.values()[k];
                        int base = feature * classes;
                        for (int c = 0; c < classes; c++) {
                            gradient[base + c] += (float) (p[c] * value);
                        }
                    }
                }
                step++;
                double scale = 1.0 / (end - start);
                double lr = settings.learningRate() * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
                for (int t = 0; t < touchedCount; t++) {
                    int feature = touchedList[t];
                    touched[feature] = false;
                    int base = feature * classes;
                    for (int c = 0; c < classes; c++) {
                        int i = base + c;
                        double g = gradient[i] * scale + settings.l2() * w[i];
                        gradient[i] = 0;
                        m[i] = (float) (beta1 * m[i] + (1 - beta1) * g);
                        v[i] = (float) (beta2 * v[i] + (1 - beta2) * g * g);
                        w[i] -= (float) (lr * m[i] / (Math.sqrt(v[i]) + eps));
                    }
                }
                for (int c = 0; c < classes; c++) {
                    double g = gb[c] * scale;
                    mb[c] = (float) (beta1 * mb[c] + (1 - beta1) * g);
                    vb[c] = (float) (beta2 * vb[c] + (1 - beta2) * g * g);
                    b[c] -= (float) (lr * mb[c] / (Math.sqrt(vb[c]) + eps));
                }
            }
            epochDone.accept(epoch + 1);
        }
        return model;
    }

    /** The model whose weights are the members' mean: its logits are the mean of theirs. */
    static SoftmaxRegression average(List<SoftmaxRegression> members) {
        SoftmaxRegression first = members.get(0);
        float[] weights = new float[first.weights.length];
        float[] bias = new float[first.bias.length];
        for (SoftmaxRegression member : members) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] += member.weights[i] / members.size();
            }
            for (int c = 0; c < bias.length; c++) {
                bias[c] += member.bias[c] / members.size();
            }
        }
        return new SoftmaxRegression(first.classes, first.denseDim, weights, bias);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(classes);
        out.writeInt(denseDim);
        out.writeInt(weights.length);
        for (float w : weights) {
            out.writeFloat(w);
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
    }

    static SoftmaxRegression read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int denseDim = in.readInt();
        float[] weights = new float[in.readInt()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = in.readFloat();
        }
        return new SoftmaxRegression(classes, denseDim, weights, bias);
    }
}
