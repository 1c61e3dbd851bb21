package dev.parley.nlu.classify;

import dev.parley.nlu.IntentScore;
import dev.parley.nlu.NluResult;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trained intent model: vocabulary, regression weights, calibration temperature and thresholds, the in-scope
 * training examples' embeddings (for out-of-scope detection), plus the embedding model name it was trained with.
 * Immutable and thread-safe.
 */
public final class IntentModel {

    private static final int FORMAT = 2;

    private final List<String> labels;
    private final LexicalVocabulary vocabulary;
    private final SoftmaxRegression regression;
    private final NearestExamples examples;
    private final double temperature;
    private final Thresholds thresholds;
    private final String embeddingModel;
    private final int oosIndex;

    IntentModel(List<String> labels, LexicalVocabulary vocabulary, SoftmaxRegression regression,
                NearestExamples examples, double temperature, Thresholds thresholds, String embeddingModel) {
        this.labels = List.copyOf(labels);
        this.vocabulary = vocabulary;
        this.regression = regression;
        this.examples = examples;
        this.temperature = temperature;
        this.thresholds = thresholds;
        this.embeddingModel = embeddingModel;
        this.oosIndex = labels.indexOf(NluResult.OUT_OF_SCOPE);
    }

    public List<String> labels() {
        return labels;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public double temperature() {
        return temperature;
    }

    public String embeddingModel() {
        return embeddingModel;
    }

    /** A copy that decides with other thresholds (configuration overrides). */
    public IntentModel withThresholds(Thresholds override) {
        return new IntentModel(labels, vocabulary, regression, examples, temperature, override, embeddingModel);
    }

    /** A copy with another calibration temperature. */
    IntentModel withTemperature(double newTemperature) {
        return new IntentModel(labels, vocabulary, regression, examples, newTemperature, thresholds, embeddingModel);
    }

    /** A copy that records the embedding model its features came from. */
    public IntentModel withEmbeddingModel(String name) {
        return new IntentModel(labels, vocabulary, regression, examples, temperature, thresholds, name);
    }

    double[] regressionLogits(EncodedText text) {
        return regression.logits(features(text.embedding(), text.lemmas()));
    }

    /** Cosine similarity of the message to the nearest in-scope training example. */
    double similarity(float[] embedding) {
        return examples.similarity(embedding);
    }

    public Prediction predict(float[] embedding, List<String> lemmas) {
        return decide(probabilities(features(embedding, lemmas)), similarity(embedding), thresholds);
    }

    Features features(float[] embedding, List<String> lemmas) {
        return new Features(embedding, vocabulary.featurize(lemmas));
    }

    double[] probabilities(Features features) {
        return SoftmaxRegression.softmax(regression.logits(features), temperature);
    }

    /**
     * Ranks the in-scope intents and applies the out-of-scope and ambiguity rules: out of scope when the {@code oos}
     * class wins or the top confidence times the similarity to the nearest training example is below the threshold.
     */
    Prediction decide(double[] probabilities, double similarity, Thresholds thresholds) {
        List<IntentScore> ranking = new ArrayList<>(labels.size());
        int best = 0;
        for (int c = 0; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
            if (c != oosIndex) {
                ranking.add(new IntentScore(labels.get(c), probabilities[c]));
            }
        }
        ranking.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
        boolean outOfScope = best == oosIndex
                || acceptance(ranking.get(0).confidence(), similarity) < thresholds.outOfScope();
        Prediction prediction = new Prediction(ranking, outOfScope, false);
        boolean ambiguous = !outOfScope && prediction.margin() < thresholds.ambiguityMargin();
        return new Prediction(ranking, outOfScope, ambiguous);
    }

    /** What the out-of-scope threshold is compared with. */
    static double acceptance(double topConfidence, double similarity) {
        return topConfidence * similarity;
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(FORMAT);
            out.writeUTF(embeddingModel);
            out.writeInt(labels.size());
            for (String label : labels) {
                out.writeUTF(label);
            }
            out.writeDouble(temperature);
            out.writeDouble(thresholds.outOfScope());
            out.writeDouble(thresholds.ambiguityMargin());
            out.writeDouble(thresholds.rejectionBudget());
            out.writeUTF(thresholds.heldOut());
            vocabulary.write(out);
            regression.write(out);
            examples.write(out);
        }
        // Readers never see a half-written model.
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static IntentModel load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("unsupported model format in " + file);
            }
            String embeddingModel = in.readUTF();
            int count = in.readInt();
            List<String> labels = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                labels.add(in.readUTF());
            }
            double temperature = in.readDouble();
            Thresholds thresholds = new Thresholds(in.readDouble(), in.readDouble(), in.readDouble(), in.readUTF());
            LexicalVocabulary vocabulary = LexicalVocabulary.read(in);
            SoftmaxRegression regression = SoftmaxRegression.read(in);
            NearestExamples examples = NearestExamples.read(in);
            return new IntentModel(labels, vocabulary, regression, examples, temperature, thresholds, embeddingModel);
        }
    }
}
