package dev.parley.offers.evaluation;

import java.util.SplittableRandom;

/**
 * Off-policy estimators of a target policy's value from logged bandit feedback, with percentile bootstrap
 * confidence intervals (rows resampled with replacement).
 * <ul>
 *   <li>IPW: mean of w_i r_i, w_i = pi(a_i|x_i) / p_i (unbiased, high variance);</li>
 *   <li>self-normalised IPW: sum w_i r_i / sum w_i (slightly biased, far steadier);</li>
 *   <li>doubly robust: mean of sum_a pi(a|x_i) q(x_i,a) + w_i (r_i - q(x_i,a_i)), with a reward model q
 *       fitted only on earlier rows (unbiased if either q or the propensities are right).</li>
 * </ul>
 */
public final class PolicyValueEstimates {

    public record Estimate(double value, double ciLow, double ciHigh) {

        public boolean covers(double truth) {
            return ciLow <= truth && truth <= ciHigh;
        }
    }

    public record Estimates(Estimate ipw, Estimate snipw, Estimate dr) {
    }

    private PolicyValueEstimates() {
    }

    /**
     * @param weights  pi(a_i|x_i) / p_i per row
     * @param rewards  r_i
     * @param direct   sum_a pi(a|x_i) q(x_i, a) per row (the direct-method part)
     * @param qLogged  q(x_i, a_i) per row
     */
    public static Estimates of(double[] weights, double[] rewards, double[] direct, double[] qLogged,
                               int bootstrap, long seed) {
        int n = weights.length;
        double[] ipwTerms = new double[n];
        double[] drTerms = new double[n];
        for (int i = 0; i < n; i++) {
            ipwTerms[i] = weights[i] * rewards[i];
            drTerms[i] = direct[i] + weights[i] * (rewards[i] - qLogged[i]);
        }
        double ipw = mean(ipwTerms, null);
        double snipw = ratio(ipwTerms, weights, null);
        double dr = mean(drTerms, null);
        double[][] samples = new double[3][bootstrap];
        SplittableRandom random = new SplittableRandom(seed);
        int[] index = new int[n];
        for (int b = 0; b < bootstrap; b++) {
            for (int i = 0; i < n; i++) {
                index[i] = random.nextInt(n);
            }
            samples[0][b] = mean(ipwTerms, index);
            samples[1][b] = ratio(ipwTerms, weights, index);
            samples[2][b] = mean(drTerms, index);
        }
        return new Estimates(interval(ipw, samples[0]), interval(snipw, samples[1]), interval(dr, samples[2]));
    }

    private static Estimate interval(double value, double[] samples) {
        double[] sorted = samples.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return new Estimate(value, value, value);
        }
        return new Estimate(value, sorted[(int) Math.floor(0.025 * (n - 1))], sorted[(int) Math.ceil(0.975 * (n - 1))]);
    }

    private static double mean(double[] values, int[] index) {
        double sum = 0;
        int n = index == null ? values.length : index.length;
        for (int i = 0; i < n; i++) {
            sum += values[index == null ? i : index[i]];
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double ratio(double[] numerators, double[] denominators, int[] index) {
        double num = 0;
        double den = 0;
        int n = index == null ? numerators.length : index.length;
        for (int i = 0; i < n; i++) {
            int j = index == null ? i : index[i];
            num += numerators[j];
            den += denominators[j];
        }
        return den == 0 ? 0 : num / den;
    }
}
