package dev.parley.offers.evaluation;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffPolicyEstimatorTest {

    @Test
    void estimatorsMatchHandComputedValues() {
        // four logged rows; the target policy's probability of each logged action is given
        double[] propensities = {0.5, 0.25, 0.5, 0.25};
        double[] target = {1.0, 0.5, 0.0, 1.0};
        double[] rewards = {1, 0, 1, 1};
        double[] weights = new double[4];
        for (int i = 0; i < 4; i++) {
            weights[i] = target[i] / propensities[i];
        }
        double[] direct = {0.6, 0.2, 0.3, 0.5};
        double[] qLogged = {0.5, 0.1, 0.4, 0.8};
        PolicyValueEstimates.Estimates e = PolicyValueEstimates.of(weights, rewards, direct, qLogged, 200, 1);
        // IPW = (2*1 + 2*0 + 0*1 + 4*1) / 4
        assertEquals(1.5, e.ipw().value(), 1e-12);
        // SNIPW = 6 / (2 + 2 + 0 + 4)
        assertEquals(0.75, e.snipw().value(), 1e-12);
        // DR = mean(0.6 + 2*(1-0.5), 0.2 + 2*(0-0.1), 0.3 + 0, 0.5 + 4*(1-0.8)) = (1.6 + 0 + 0.3 + 1.3) / 4
        assertEquals(0.8, e.dr().value(), 1e-12);
        assertTrue(e.ipw().ciLow() <= e.ipw().value() && e.ipw().value() <= e.ipw().ciHigh());
    }

    @Test
    void estimatesCoverTheAnalyticValueOfAFixedPolicy() {
        // three actions with click rates 0.1, 0.3, 0.5 logged uniformly; the target always plays action 2,
        // so its true value is exactly 0.5 (and the logging policy's 0.3)
        double[] rates = {0.1, 0.3, 0.5};
        int n = 30_000;
        SplittableRandom random = new SplittableRandom(42);
        double[] weights = new double[n];
        double[] rewards = new double[n];
        double[] direct = new double[n];
        double[] qLogged = new double[n];
        double logged = 0;
        for (int i = 0; i < n; i++) {
            int a = random.nextInt(3);
            rewards[i] = random.nextDouble() < rates[a] ? 1 : 0;
            weights[i] = a == 2 ? 3 : 0;
            direct[i] = 0.45; // a deliberately wrong reward model: DR must still be right
            qLogged[i] = 0.45;
            logged += rewards[i];
        }
        PolicyValueEstimates.Estimates e = PolicyValueEstimates.of(weights, rewards, direct, qLogged, 500, 7);
        assertEquals(0.3, logged / n, 0.01);
        for (PolicyValueEstimates.Estimate estimate : new PolicyValueEstimates.Estimate[]{e.ipw(), e.snipw(), e.dr()}) {
            assertTrue(estimate.covers(0.5), estimate.toString());
            assertEquals(0.5, estimate.value(), 0.02);
            assertTrue(estimate.ciHigh() - estimate.ciLow() < 0.06, "interval is informative: " + estimate);
        }
    }

    @Test
    void replayOfAContextualLogFindsTheBetterPolicyAndMatchesItsTrueValue() throws Exception {
        // context x in {a, b}; action "left" pays 0.6 in a and 0.1 in b, "right" the reverse. A learner that picks
        // the right arm per context approaches 0.6, uniform logging gets 0.35.
        StringBuilder log = new StringBuilder("timestamp,position,segment,action,reward,propensity\n");
        StringBuilder truth = new StringBuilder("left,right\n");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 6000; i++) {
            boolean a = random.nextBoolean();
            boolean left = random.nextBoolean();
            double pLeft = a ? 0.6 : 0.1;
            double pRight = a ? 0.1 : 0.6;
            double reward = random.nextDouble() < (left ? pLeft : pRight) ? 1 : 0;
            log.append(i).append(",1,").append(a ? "a" : "b").append(',').append(left ? "left" : "right").append(',')
                    .append((int) reward).append(",0.5\n");
            truth.append(pLeft).append(',').append(pRight).append('\n');
        }
        OffPolicyEvaluation.Report report = OffPolicyEvaluation.run(new StringReader(log.toString()), null,
                new StringReader(truth.toString()), 0.05, 0.3, 300, 3);
        assertEquals(6000, report.rows());
        assertEquals(0.35, report.loggingPolicyValue(), 0.02);
        assertNotNull(report.trueValue());
        assertTrue(report.trueValue() > 0.55, "the learner finds the better arm per context: " + report.trueValue());
        assertTrue(report.estimates().ipw().covers(report.trueValue()), report.estimates().ipw() + " vs " + report.trueValue());
        assertTrue(report.estimates().dr().covers(report.trueValue()), report.estimates().dr() + " vs " + report.trueValue());
        assertTrue(report.estimates().snipw().covers(report.trueValue()), report.estimates().snipw() + " vs " + report.trueValue());
    }

    @Test
    void malformedLogsAreRejectedWithTheRow() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> OffPolicyEvaluation.run(
                new StringReader("action,reward\nx,1\n"), null, null, 0.05, 0.3, 10, 1));
        assertTrue(missing.getMessage().contains("propensity"));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> OffPolicyEvaluation.run(
                new StringReader("action,reward,propensity\nx,1,0.5\ny,1,0\n"), null, null, 0.05, 0.3, 10, 1));
        assertTrue(zero.getMessage().startsWith("row 3"), zero.getMessage());
    }
}
