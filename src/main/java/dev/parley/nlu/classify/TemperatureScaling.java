package dev.parley.nlu.classify;

import java.util.List;

/**
 * Calibration by one temperature (Guo et al., 2017): divide the logits by T chosen to minimise the negative
 * log-likelihood of held-out labels. It keeps the ranking and makes the top probability match observed accuracy.
 */
final class TemperatureScaling {

    private TemperatureScaling() {
    }

    static double fit(List<double[]> logits, int[] labels) {
        // NLL is convex in 1/T; golden-section search over log T in [e^-3, e^3] is plenty.
        double low = -3;
        double high = 3;
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = high - phi * (high - low);
        double b = low + phi * (high - low);
        double fa = nll(logits, labels, Math.exp(a));
        double fb = nll(logits, labels, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                high = b;
                b = a;
                fb = fa;
                a = high - phi * (high - low);
                fa = nll(logits, labels, Math.exp(a));
            } else {
                low = a;
                a = b;
                fa = fb;
                b = low + phi * (high - low);
                fb = nll(logits, labels, Math.exp(b));
            }
        }
        return Math.exp((low + high) / 2);
    }

    static double nll(List<double[]> logits, int[] labels, double temperature) {
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] p = SoftmaxRegression.softmax(logits.get(i), temperature);
            total -= Math.log(Math.max(p[labels[i]], 1e-12));
        }
        return total / labels.length;
    }
}
