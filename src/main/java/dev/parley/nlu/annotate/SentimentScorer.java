package dev.parley.nlu.annotate;

import dev.parley.nlu.Sentiment;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.sentiment.SentimentCostAndGradient;
import edu.stanford.nlp.sentiment.SentimentModel;
import edu.stanford.nlp.trees.LabeledScoredTreeFactory;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeFactory;
import edu.stanford.nlp.util.CoreMap;
import org.ejml.simple.SimpleMatrix;

import java.util.List;

/**
 * CoreNLP's sentiment model (the recursive neural tensor network) run over a right-branching binary tree of each
 * sentence's tokens instead of a PCFG parse. The parse is what made sentiment expensive (it dominated the whole
 * pipeline); English is mostly head-initial, so right branching keeps scopes such as "not (bad at all)", and on
 * chat messages the labels agree with the parsed ones in ~88 % of sentences (BENCHMARKS.md) at a fraction of the
 * cost.
 */
final class SentimentScorer {

    private static final String MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";
    private static volatile SentimentModel model;

    private final TreeFactory trees = new LabeledScoredTreeFactory();

    /**
     * Averages the model's 5-class distribution over sentences (weighted by length) into negative / neutral /
     * positive mass; the score is positive minus negative mass, in -1..1.
     */
    Sentiment score(List<CoreMap> sentences) {
        double[] mass = new double[5];
        double weight = 0;
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.isEmpty()) {
                continue;
            }
            Tree tree = rightBranching(tokens);
            // The scorer keeps per-call state: one per sentence keeps this thread-safe.
            new SentimentCostAndGradient(model(), null).forwardPropagateTree(tree);
            SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
            for (int i = 0; i < 5; i++) {
                mass[i] += predictions.get(i) * tokens.size();
            }
            weight += tokens.size();
        }
        if (weight == 0) {
            return Sentiment.NEUTRAL;
        }
        double negative = (mass[0] + mass[1]) / weight;
        double neutral = mass[2] / weight;
        double positive = (mass[3] + mass[4]) / weight;
        String label = negative >= neutral && negative >= positive ? "negative"
                : positive >= neutral ? "positive" : "neutral";
        return new Sentiment(label, Math.round((positive - negative) * 1000) / 1000.0);
    }

    private Tree rightBranching(List<CoreLabel> tokens) {
        Tree tree = null;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Tree leaf = trees.newTreeNode("X", List.of(trees.newLeaf(tokens.get(i).word())));
            tree = tree == null ? leaf : trees.newTreeNode("X", List.of(leaf, tree));
        }
        return tree;
    }

    private static SentimentModel model() {
        if (model == null) {
            synchronized (SentimentScorer.class) {
                if (model == null) {
                    model = SentimentModel.loadSerialized(MODEL);
                }
            }
        }
        return model;
    }
}
