package dev.parley.offers.evaluation;

import dev.parley.offers.bandit.RidgeModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's learning policy over a generic log: disjoint LinUCB (one ridge model per action) on the one-hot
 * and numeric context, plus, when an actions file is given, "match" features that say whether a categorical
 * context value equals one of an action's categorical feature values (e.g. top_category = the offer's category),
 * the generic form of the engine's shopper-offer features. Epsilon-greedy over the optimistic scores, as in
 * production, so its action probabilities are exact.
 */
final class ReplayPolicy {

    private final List<String> actions;
    private final Map<String, Integer> featureIndex = new LinkedHashMap<>();
    private final List<String> numericColumns = new ArrayList<>();
    private final Map<String, Map<String, Set<String>>> actionFeatures;
    private final Map<String, RidgeModel> models = new HashMap<>();
    private final double epsilon;
    private final double alpha;
    private final int dimension;
    private final List<String[]> matchPairs = new ArrayList<>();

    ReplayPolicy(BanditLog log, Map<String, Map<String, Set<String>>> actionFeatures, double epsilon, double alpha,
                 double lambda) {
        this.actionFeatures = actionFeatures;
        this.epsilon = epsilon;
        this.alpha = alpha;
        List<String> allActions = new ArrayList<>(log.actions());
        actionFeatures.keySet().stream().filter(a -> !allActions.contains(a)).forEach(allActions::add);
        this.actions = List.copyOf(allActions);
        featureIndex.put("bias", 0);
        for (String column : log.contextColumns()) {
            if (log.isNumeric(column)) {
                numericColumns.add(column);
                featureIndex.put(column, featureIndex.size());
            }
        }
        for (BanditLog.Row row : log.rows()) {
            for (String column : log.contextColumns()) {
                if (!log.isNumeric(column)) {
                    featureIndex.putIfAbsent(column + "=" + row.context().get(column), featureIndex.size());
                }
            }
        }
        Set<String> actionColumns = new java.util.TreeSet<>();
        actionFeatures.values().forEach(features -> actionColumns.addAll(features.keySet()));
        for (String column : log.contextColumns()) {
            if (!log.isNumeric(column)) {
                for (String actionColumn : actionColumns) {
                    matchPairs.add(new String[]{column, actionColumn});
                }
            }
        }
        this.dimension = featureIndex.size() + matchPairs.size();
        for (String action : actions) {
            models.put(action, new RidgeModel(dimension, lambda));
        }
    }

    List<String> actions() {
        return actions;
    }

    double[] features(Map<String, String> context, String action) {
        double[] x = new double[dimension];
        x[0] = 1;
        for (String column : numericColumns) {
            String value = context.get(column);
            x[featureIndex.get(column)] = value == null || value.isEmpty() ? 0 : Double.parseDouble(value);
        }
        for (Map.Entry<String, String> entry : context.entrySet()) {
            Integer index = featureIndex.get(entry.getKey() + "=" + entry.getValue());
            if (index != null) {
                x[index] = 1;
            }
        }
        Map<String, Set<String>> features = actionFeatures.get(action);
        if (features != null) {
            int base = featureIndex.size();
            for (int i = 0; i < matchPairs.size(); i++) {
                String value = context.get(matchPairs.get(i)[0]);
                Set<String> values = features.get(matchPairs.get(i)[1]);
                if (value != null && !value.isEmpty() && values != null && values.contains(value.toLowerCase())) {
                    x[base + i] = 1;
                }
            }
        }
        return x;
    }

    /** The policy's probability for every action in this context, and the reward model's predictions. */
    record Decision(double[] probabilities, double[] predictions) {
    }

    Decision decide(Map<String, String> context) {
        int n = actions.size();
        double[] scores = new double[n];
        double[] predictions = new double[n];
        int best = 0;
        for (int i = 0; i < n; i++) {
            double[] x = features(context, actions.get(i));
            RidgeModel model = models.get(actions.get(i));
            predictions[i] = model.predict(x);
            scores[i] = predictions[i] + alpha * model.width(x);
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        double[] probabilities = new double[n];
        for (int i = 0; i < n; i++) {
            probabilities[i] = epsilon / n + (i == best ? 1 - epsilon : 0);
        }
        return new Decision(probabilities, predictions);
    }

    void learn(Map<String, String> context, String action, double reward) {
        models.get(action).update(features(context, action), reward);
    }

    int index(String action) {
        return actions.indexOf(action);
    }
}
