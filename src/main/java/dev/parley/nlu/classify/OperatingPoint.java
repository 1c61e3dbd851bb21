package dev.parley.nlu.classify;

import dev.parley.nlu.NluResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the out-of-scope threshold and the ambiguity margin from held-out predictions.
 *
 * <p>Out of scope: the highest threshold on the acceptance score (top confidence times similarity to the nearest
 * training example, {@link IntentModel#acceptance}) that rejects at most {@code rejectionBudget} of the in-scope
 * held-out messages. A budget on in-scope rejections carries over to unseen data far better than maximising a score on
 * the few out-of-scope rows a validation set has (and it needs none).
 *
 * <p>Ambiguity: among accepted in-scope held-out messages, the margin below which "top two too close" best
 * predicts "top intent wrong" (F1), flagging at most {@code ambiguityBudget} of them.
 */
final class OperatingPoint {

    private OperatingPoint() {
    }

    static Thresholds choose(IntentModel model, List<double[]> probabilities, List<Double> similarities,
                             List<String> gold, double rejectionBudget, double ambiguityBudget, String heldOut) {
        Thresholds open = new Thresholds(0, 0, rejectionBudget, heldOut);
        List<Double> inScopeAcceptance = new ArrayList<>();
        int inScope = 0;
        int rejectedByClass = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(NluResult.OUT_OF_SCOPE)) {
                continue;
            }
            inScope++;
            Prediction prediction = model.decide(probabilities.get(i), similarities.get(i), open);
            if (prediction.outOfScope()) {
                rejectedByClass++;
            } else {
                inScopeAcceptance.add(IntentModel.acceptance(prediction.top().confidence(), similarities.get(i)));
            }
        }
        double[] sorted = inScopeAcceptance.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int allowed = (int) Math.floor(rejectionBudget * inScope) - rejectedByClass;
        double outOfScope = allowed <= 0 || sorted.length == 0 ? 0 : sorted[Math.min(allowed, sorted.length) - 1];
        // Reject strictly below the threshold: nudge it just above the last allowed confidence.
        outOfScope = allowed <= 0 || sorted.length == 0 ? 0 : Math.nextUp(outOfScope);
        Thresholds withOutOfScope = new Thresholds(outOfScope, 0, rejectionBudget, heldOut);
        return new Thresholds(outOfScope,
                ambiguityMargin(model, probabilities, similarities, gold, withOutOfScope, ambiguityBudget),
                rejectionBudget, heldOut);
    }

    private static double ambiguityMargin(IntentModel model, List<double[]> probabilities, List<Double> similarities,
                                          List<String> gold, Thresholds thresholds, double budget) {
        List<double[]> marginAndWrong = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(NluResult.OUT_OF_SCOPE)) {
                continue;
            }
            Prediction prediction = model.decide(probabilities.get(i), similarities.get(i), thresholds);
            if (!prediction.outOfScope()) {
                boolean wrong = !prediction.top().name().equals(gold.get(i));
                marginAndWrong.add(new double[]{prediction.margin(), wrong ? 1 : 0});
            }
        }
        if (marginAndWrong.isEmpty()) {
            return 0;
        }
        double[][] rows = marginAndWrong.toArray(new double[0][]);
        Arrays.sort(rows, (a, b) -> Double.compare(a[0], b[0]));
        double totalWrong = Arrays.stream(rows).mapToDouble(r -> r[1]).sum();
        int maxFlagged = (int) Math.floor(budget * rows.length);
        double bestF1 = 0;
        double bestMargin = 0;
        double wrongFlagged = 0;
        for (int k = 1; k <= maxFlagged; k++) {
            wrongFlagged += rows[k - 1][1];
            double precision = wrongFlagged / k;
            double recall = totalWrong == 0 ? 0 : wrongFlagged / totalWrong;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > bestF1 && (k == rows.length || rows[k][0] > rows[k - 1][0])) {
                bestF1 = f1;
                bestMargin = Math.nextUp(rows[k - 1][0]);
            }
        }
        return bestMargin;
    }
}
