package dev.parley.offers.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code offers evaluate}: replays a log through the engine's learning policy in log order (each row is decided
 * before its reward is seen, then learnt from), and estimates that policy's value with IPW, SNIPW and DR next to
 * the logging policy's own value. With a truth file (per row, every action's true expected reward: what a
 * simulator knows) it also reports the true value of the very same policy sequence.
 */
public final class OffPolicyEvaluation {

    public record Report(int rows, int actions, double loggingPolicyValue, PolicyValueEstimates.Estimates estimates,
                         Double trueValue) {
    }

    private OffPolicyEvaluation() {
    }

    public static Report run(Reader log, Reader actions, Reader truth, double epsilon, double alpha, int bootstrap,
                             long seed) throws IOException {
        BanditLog banditLog = BanditLog.read(log);
        Map<String, Map<String, Set<String>>> actionFeatures = actions == null ? Map.of() : readActions(actions);
        List<Map<String, String>> truthRows = truth == null ? null : BanditLog.readCsv(truth);
        if (truthRows != null && truthRows.size() != banditLog.rows().size()) {
            throw new IllegalArgumentException("the truth file has " + truthRows.size() + " rows, the log "
                    + banditLog.rows().size());
        }
        ReplayPolicy policy = new ReplayPolicy(banditLog, actionFeatures, epsilon, alpha, 1.0);
        int n = banditLog.rows().size();
        double[] weights = new double[n];
        double[] rewards = new double[n];
        double[] direct = new double[n];
        double[] qLogged = new double[n];
        double logged = 0;
        double trueSum = 0;
        List<String> names = policy.actions();
        for (int i = 0; i < n; i++) {
            BanditLog.Row row = banditLog.rows().get(i);
            ReplayPolicy.Decision decision = policy.decide(row.context());
            int a = policy.index(row.action());
            weights[i] = decision.probabilities()[a] / row.propensity();
            rewards[i] = row.reward();
            qLogged[i] = decision.predictions()[a];
            double dm = 0;
            for (int k = 0; k < names.size(); k++) {
                dm += decision.probabilities()[k] * decision.predictions()[k];
            }
            direct[i] = dm;
            logged += row.reward();
            if (truthRows != null) {
                Map<String, String> truthRow = truthRows.get(i);
                for (int k = 0; k < names.size(); k++) {
                    String value = truthRow.get(names.get(k));
                    if (value == null || value.isEmpty()) {
                        throw new IllegalArgumentException("truth row " + (i + 2) + " has no value for " + names.get(k));
                    }
                    trueSum += decision.probabilities()[k] * Double.parseDouble(value);
                }
            }
            policy.learn(row.context(), row.action(), row.reward());
        }
        return new Report(n, names.size(), logged / n,
                PolicyValueEstimates.of(weights, rewards, direct, qLogged, bootstrap, seed),
                truthRows == null ? null : trueSum / n);
    }

    /** action -> feature -> values (multi-valued features separated by '|', lower-cased). */
    static Map<String, Map<String, Set<String>>> readActions(Reader reader) throws IOException {
        Map<String, Map<String, Set<String>>> actions = new LinkedHashMap<>();
        for (Map<String, String> row : BanditLog.readCsv(reader)) {
            String action = row.get("action");
            if (action == null || action.isEmpty()) {
                throw new IllegalArgumentException("the actions file needs an 'action' column");
            }
            Map<String, Set<String>> features = new HashMap<>();
            row.forEach((column, value) -> {
                if (!column.equals("action") && !value.isEmpty() && !BanditLog.isNumber(value)) {
                    features.put(column, Set.copyOf(Arrays.stream(value.toLowerCase().split("\\|"))
                            .map(String::trim).filter(v -> !v.isEmpty()).toList()));
                }
            });
            actions.put(action, features);
        }
        return actions;
    }
}
