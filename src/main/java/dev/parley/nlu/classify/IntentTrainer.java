package dev.parley.nlu.classify;

import dev.parley.nlu.NluResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Trains an {@link IntentModel}: the regression on all training rows, the calibration temperature and the
 * thresholds on held-out predictions: the validation rows when given, else out-of-fold predictions of a K-fold
 * cross-validation on the training rows (so the shipped intents/ need no separate validation file).
 */
public final class IntentTrainer {

    /**
     * @param rejectionBudget share of in-scope held-out messages the out-of-scope threshold may reject
     * @param ambiguityBudget share of accepted held-out messages the ambiguity flag may mark
     * @param balanceClasses  weight rows inversely to their class frequency (imbalanced training data)
     * @param seeds           regressions trained on differently shuffled rows and averaged (less variance)
     */
    public record Settings(int epochs, double learningRate, double l2, int folds, double rejectionBudget,
                           double ambiguityBudget, boolean balanceClasses, int seeds) {

        public static Settings defaults() {
            return new Settings(20, 0.01, 1e-6, 5, 0.02, 0.05, true, 3);
        }
    }

    private final Settings settings;
    private final Consumer<String> progress;

    public IntentTrainer(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public IntentModel train(List<EncodedText> training, List<EncodedText> validation, String embeddingModel) {
        List<String> labels = new ArrayList<>(new LinkedHashSet<>(training.stream().map(EncodedText::intent).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need at least two intents to train, got " + labels);
        }
        List<double[]> heldOutLogits = new ArrayList<>();
        List<Double> heldOutSimilarity = new ArrayList<>();
        List<String> heldOutGold = new ArrayList<>();
        String heldOut;
        IntentModel fitted;
        if (validation != null && !validation.isEmpty()) {
            heldOut = "validation";
            fitted = fit(labels, training, "model");
            for (EncodedText row : validation) {
                heldOutLogits.add(fitted.regressionLogits(row));
                heldOutSimilarity.add(fitted.similarity(row.embedding()));
                heldOutGold.add(labels.contains(row.intent()) ? row.intent() : NluResult.OUT_OF_SCOPE);
            }
        } else {
            int folds = Math.min(settings.folds(), smallestClass(training));
            if (folds < 2) {
                throw new IllegalArgumentException("every intent needs at least 2 examples for cross-validation");
            }
            heldOut = "cross-validation-" + folds;
            for (int fold = 0; fold < folds; fold++) {
                List<EncodedText> train = new ArrayList<>();
                List<EncodedText> test = new ArrayList<>();
                stratifiedSplit(training, folds, fold, train, test);
                IntentModel foldModel = fit(labels, train, "fold " + (fold + 1) + "/" + folds);
                for (EncodedText row : test) {
                    heldOutLogits.add(foldModel.regressionLogits(row));
                    heldOutSimilarity.add(foldModel.similarity(row.embedding()));
                    heldOutGold.add(row.intent());
                }
            }
            fitted = fit(labels, training, "model");
        }
        int[] gold = heldOutGold.stream().mapToInt(g -> Math.max(0, labels.indexOf(g))).toArray();
        List<double[]> calibrationLogits = new ArrayList<>();
        List<Integer> calibrationGold = new ArrayList<>();
        for (int i = 0; i < gold.length; i++) {
            if (labels.contains(heldOutGold.get(i))) {
                calibrationLogits.add(heldOutLogits.get(i));
                calibrationGold.add(gold[i]);
            }
        }
        double temperature = TemperatureScaling.fit(calibrationLogits,
                calibrationGold.stream().mapToInt(Integer::intValue).toArray());
        IntentModel calibrated = fitted.withTemperature(temperature);
        List<double[]> probabilities = heldOutLogits.stream()
                .map(z -> SoftmaxRegression.softmax(z, temperature)).toList();
        Thresholds thresholds = OperatingPoint.choose(calibrated, probabilities, heldOutSimilarity, heldOutGold,
                settings.rejectionBudget(), settings.ambiguityBudget(), heldOut);
        progress.accept(String.format("temperature %.3f, out-of-scope threshold %.4f, ambiguity margin %.4f (%s)",
                temperature, thresholds.outOfScope(), thresholds.ambiguityMargin(), heldOut));
        return calibrated.withThresholds(thresholds);
    }

    private IntentModel fit(List<String> labels, List<EncodedText> rows, String what) {
        LexicalVocabulary vocabulary = LexicalVocabulary.learn(rows.stream().map(EncodedText::lemmas).toList());
        int denseDim = rows.get(0).embedding().length;
        List<Features> features = rows.stream()
                .map(r -> new Features(r.embedding(), vocabulary.featurize(r.lemmas()))).toList();
        int[] y = rows.stream().mapToInt(r -> labels.indexOf(r.intent())).toArray();
        double[] weights = settings.balanceClasses() ? balancedWeights(y, labels.size()) : null;
        // Mini-batch order moves the weights a little; the average of a few orders is a steadier model (logits are
        // linear in the weights, so averaging weights is averaging the members' logits). Members train in parallel.
        List<SoftmaxRegression> members = IntStream.range(0, Math.max(1, settings.seeds()))
                .parallel().mapToObj(member -> SoftmaxRegression.train(features, y, labels.size(), denseDim,
                        vocabulary.size(), weights, new SoftmaxRegression.Settings(settings.epochs(), 32,
                                settings.learningRate(), settings.l2(), 13 + member),
                        epoch -> {
                            if (member == 0 && (epoch == settings.epochs() || epoch % 10 == 0)) {
                                progress.accept(what + ": epoch " + epoch + "/" + settings.epochs());
                            }
                        }))
                .toList();
        SoftmaxRegression regression = SoftmaxRegression.average(members);
        NearestExamples examples = NearestExamples.of(rows.stream()
                .filter(r -> !r.intent().equals(NluResult.OUT_OF_SCOPE)).map(EncodedText::embedding)
                .toList());
        return new IntentModel(labels, vocabulary, regression, examples, 1.0, new Thresholds(0, 0, 0, "none"), "");
    }

    private static double[] balancedWeights(int[] y, int classes) {
        int[] counts = new int[classes];
        for (int label : y) {
            counts[label]++;
        }
        double[] weights = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            weights[i] = (double) y.length / (classes * counts[y[i]]);
        }
        return weights;
    }

    private static int smallestClass(List<EncodedText> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.intent(), 1, Integer::sum));
        return counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** Round-robin within each intent, so every fold holds every intent. */
    public static void stratifiedSplit(List<EncodedText> rows, int folds, int fold, List<EncodedText> train,
                                List<EncodedText> test) {
        Map<String, Integer> seen = new HashMap<>();
        for (EncodedText row : rows) {
            int position = seen.merge(row.intent(), 1, Integer::sum) - 1;
            (position % folds == fold ? test : train).add(row);
        }
    }
}
