package dev.parley.nlu.classify;

import dev.parley.nlu.NluResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classifier on synthetic data whose answers are known: three intents, each a cluster in embedding space
 * with its own vocabulary, plus out-of-scope points far from every cluster.
 */
class IntentTrainerTest {

    private static final String[] INTENTS = {"order_status", "greet", "refund"};
    private static final String[][] WORDS = {{"where", "order", "parcel"}, {"hello", "hi", "hey"},
            {"refund", "money", "back"}};

    @Test
    void learnsSeparableIntentsAndCalibratesConfidence() {
        Random random = new Random(1);
        IntentModel model = new IntentTrainer(IntentTrainer.Settings.defaults(), m -> { })
                .train(rows(random, 40), null, "test");
        int correct = 0;
        List<EncodedText> test = rows(random, 30);
        double confidence = 0;
        for (EncodedText row : test) {
            Prediction prediction = model.predict(row.embedding(), row.lemmas());
            correct += prediction.top().name().equals(row.intent()) ? 1 : 0;
            confidence += prediction.top().confidence();
        }
        double accuracy = (double) correct / test.size();
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
        // calibrated: mean confidence close to accuracy
        assertEquals(accuracy, confidence / test.size(), 0.08);
        assertEquals("cross-validation-5", model.thresholds().heldOut());
    }

    @Test
    void rejectsPointsFarFromEveryIntentWithinTheRejectionBudget() {
        Random random = new Random(2);
        IntentTrainer.Settings settings = IntentTrainer.Settings.defaults();
        IntentModel model = new IntentTrainer(settings, m -> { }).train(rows(random, 40), null, "test");
        List<EncodedText> inScope = rows(random, 100);
        long rejected = inScope.stream().filter(r -> model.predict(r.embedding(), r.lemmas()).outOfScope()).count();
        assertTrue(rejected <= inScope.size() * (settings.rejectionBudget() + 0.05), "rejected " + rejected);
        assertTrue(model.thresholds().outOfScope() > 0);
    }

    @Test
    void aConfidentIntentFarFromEveryTrainingExampleIsOutOfScope() {
        Random random = new Random(7);
        IntentModel model = new IntentTrainer(IntentTrainer.Settings.defaults(), m -> { })
                .train(rows(random, 40), null, "test");
        // the words of order_status, the meaning nowhere near any example (axis 12 is no intent's)
        float[] elsewhere = cluster(random, 12);
        Prediction prediction = model.predict(elsewhere, List.of("where", "order", "please"));
        assertEquals("order_status", prediction.top().name());
        assertTrue(prediction.top().confidence() > model.thresholds().outOfScope(),
                "confidence alone would accept it: " + prediction.top().confidence());
        float[] nearOrders = cluster(random, 0);
        assertTrue(model.similarity(elsewhere) < model.similarity(nearOrders) - 0.2,
                model.similarity(elsewhere) + " vs " + model.similarity(nearOrders));
        assertTrue(prediction.outOfScope());
    }

    @Test
    void averagedRegressionsGiveTheMeanOfTheirLogits() {
        Random random = new Random(8);
        List<EncodedText> rows = rows(random, 10);
        LexicalVocabulary vocabulary = LexicalVocabulary.learn(rows.stream().map(EncodedText::lemmas).toList());
        List<Features> features = rows.stream()
                .map(r -> new Features(r.embedding(), vocabulary.featurize(r.lemmas()))).toList();
        int[] y = rows.stream().mapToInt(r -> List.of(INTENTS).indexOf(r.intent())).toArray();
        List<SoftmaxRegression> members = List.of(13L, 14L).stream().map(seed -> SoftmaxRegression.train(features, y,
                3, 16, vocabulary.size(), null, new SoftmaxRegression.Settings(3, 8, 0.01, 1e-6, seed), e -> { }))
                .toList();
        double[] a = members.get(0).logits(features.get(0));
        double[] b = members.get(1).logits(features.get(0));
        double[] mean = SoftmaxRegression.average(members).logits(features.get(0));
        assertFalse(a[0] == b[0], "different seeds, different models");
        for (int c = 0; c < 3; c++) {
            assertEquals((a[c] + b[c]) / 2, mean[c], 1e-4);
        }
    }

    @Test
    void similarityIsTheCosineOfTheNearestExample() {
        NearestExamples examples = NearestExamples.of(List.of(new float[]{1, 0, 0, 0, 0}, new float[]{0, 1, 0, 0, 0}));
        float[] probe = {0.6f, 0.8f, 0, 0, 0};
        assertEquals(0.8, examples.similarity(probe), 1e-6);
        assertEquals(1.0, NearestExamples.of(List.of()).similarity(probe));
    }

    @Test
    void anOosClassInTrainingIsNeverRankedAndRejects() {
        Random random = new Random(3);
        List<EncodedText> training = new ArrayList<>(rows(random, 30));
        for (int i = 0; i < 30; i++) {
            training.add(new EncodedText("x", NluResult.OUT_OF_SCOPE, cluster(random, 7), List.of("weather", "today")));
        }
        IntentModel model = new IntentTrainer(IntentTrainer.Settings.defaults(), m -> { }).train(training, null, "t");
        Prediction prediction = model.predict(cluster(random, 7), List.of("weather", "today"));
        assertTrue(prediction.outOfScope());
        assertFalse(prediction.ranking().stream().anyMatch(s -> s.name().equals(NluResult.OUT_OF_SCOPE)));
        assertEquals(3, prediction.ranking().size());
    }

    @Test
    void savedModelPredictsTheSame(@TempDir Path dir) throws Exception {
        Random random = new Random(4);
        IntentModel model = new IntentTrainer(IntentTrainer.Settings.defaults(), m -> { })
                .train(rows(random, 20), null, "test").withEmbeddingModel("minilm");
        IntentModelStore store = new IntentModelStore(dir);
        store.save("k", model);
        IntentModel loaded = store.find("k").orElseThrow();
        EncodedText probe = rows(random, 1).get(0);
        assertEquals(model.predict(probe.embedding(), probe.lemmas()), loaded.predict(probe.embedding(), probe.lemmas()));
        assertEquals(model.thresholds(), loaded.thresholds());
        assertEquals("minilm", loaded.embeddingModel());
        assertTrue(store.find("missing").isEmpty());
    }

    @Test
    void stratifiedFoldsHoldEveryIntent() {
        List<EncodedText> rows = rows(new Random(5), 10);
        for (int fold = 0; fold < 5; fold++) {
            List<EncodedText> train = new ArrayList<>();
            List<EncodedText> test = new ArrayList<>();
            IntentTrainer.stratifiedSplit(rows, 5, fold, train, test);
            assertEquals(6, test.size());
            assertEquals(3, test.stream().map(EncodedText::intent).distinct().count());
            assertEquals(rows.size(), train.size() + test.size());
        }
    }

    @Test
    void temperatureScalingRecoversAKnownTemperature() {
        // Labels drawn from softmax(z / 2): the NLL-optimal temperature is 2.
        Random random = new Random(6);
        List<double[]> logits = new ArrayList<>();
        int n = 4000;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = {random.nextGaussian() * 4, random.nextGaussian() * 4, random.nextGaussian() * 4};
            double[] p = SoftmaxRegression.softmax(z, 2.0);
            double u = random.nextDouble();
            labels[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            logits.add(z);
        }
        assertEquals(2.0, TemperatureScaling.fit(logits, labels), 0.15);
    }

    private static List<EncodedText> rows(Random random, int perIntent) {
        List<EncodedText> rows = new ArrayList<>();
        for (int i = 0; i < perIntent; i++) {
            for (int c = 0; c < INTENTS.length; c++) {
                List<String> lemmas = List.of(WORDS[c][random.nextInt(3)], "please");
                rows.add(new EncodedText("t", INTENTS[c], cluster(random, c), lemmas));
            }
        }
        return rows;
    }

    /** A unit vector near axis {@code c} of a 16-dimensional space. */
    private static float[] cluster(Random random, int c) {
        float[] v = new float[16];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.25 + (i == c ? 1 : 0));
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
