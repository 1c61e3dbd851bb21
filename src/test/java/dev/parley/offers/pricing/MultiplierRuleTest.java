package dev.parley.offers.pricing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiplierRuleTest {

    private final PricingSettings settings = PricingSettings.defaults();

    @Test
    void targetFollowsDemandPressureWithinBounds() {
        assertEquals(1.0, MultiplierRule.target(3, 3, 10, settings), "too few events: no signal");
        assertEquals(1.0, MultiplierRule.target(5, 5, 10, settings), 1e-9); // demand 5 = 0.5 x stock 10: normal
        assertTrue(MultiplierRule.target(50, 30, 10, settings) > 1.05);
        assertTrue(MultiplierRule.target(6, 6, 200, settings) < 0.95);
        assertEquals(settings.cap(), MultiplierRule.target(1e6, 1000, 1, settings));
        assertEquals(settings.floor(), MultiplierRule.target(5, 5, 1_000_000, settings));
    }

    @Test
    void multiplierMovesSmoothlyAndNeverLeavesTheBounds() {
        double m = 1.0;
        double previous = m;
        for (int step = 0; step < 200; step++) {
            m = MultiplierRule.next(m, 5.0, settings); // an absurd target is clamped to the cap
            assertTrue(m - previous <= settings.maxStep() + 1e-9, "step " + (m - previous));
            assertTrue(m <= settings.cap());
            previous = m;
        }
        assertEquals(settings.cap(), m, 1e-9);
        for (int step = 0; step < 200; step++) {
            double next = MultiplierRule.next(m, 0.0, settings);
            assertTrue(m - next <= settings.maxStep() + 1e-9);
            m = next;
        }
        assertEquals(settings.floor(), m, 1e-9);
        // near the target, steps shrink: a share of the gap
        double close = MultiplierRule.next(1.0, 1.01, settings);
        assertEquals(1.003, close, 1e-9);
    }

    @Test
    void demandWindowForgetsOldEvents() {
        DemandWindow window = new DemandWindow(60);
        long t0 = 1_000_000_000_000L;
        window.add("sofas", 1, t0);
        window.add("sofas", 3, t0 + 30 * 60_000);
        assertEquals(4, window.total("sofas", t0 + 30 * 60_000)[0]);
        assertEquals(2, window.total("sofas", t0 + 30 * 60_000)[1]);
        assertEquals(3, window.total("sofas", t0 + 61 * 60_000)[0], "the first event left the window");
        assertEquals(0, window.total("sofas", t0 + 200 * 60_000)[0]);
    }

    @Test
    void nonsenseBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PricingSettings(true, "category", 1.2, 1.1, 60, 1, 3,
                0.5, 0.1, 0.3, 0.02, 5));
        assertThrows(IllegalArgumentException.class, () -> new PricingSettings(true, "shopper", 0.9, 1.1, 60, 1, 3,
                0.5, 0.1, 0.3, 0.02, 5));
    }
}
