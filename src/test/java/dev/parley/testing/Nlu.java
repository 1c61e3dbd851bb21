package dev.parley.testing;

import dev.parley.nlu.Entity;
import dev.parley.nlu.IntentScore;
import dev.parley.nlu.NluResult;
import dev.parley.nlu.Sentiment;

import java.util.List;
import java.util.Map;

/** Test sources: hand-built NLU results, to drive the dialogue without a model. */
public final class Nlu {

    private Nlu() {
    }

    public static NluResult said(String text, String intent, Entity... entities) {
        IntentScore top = new IntentScore(intent, 0.92);
        return new NluResult(text, top, List.of(top), List.of(entities), Sentiment.NEUTRAL, false, false, Map.of());
    }

    public static NluResult outOfScope(String text, Entity... entities) {
        IntentScore top = new IntentScore(NluResult.OUT_OF_SCOPE, 0.2);
        return new NluResult(text, top, List.of(top), List.of(entities), Sentiment.NEUTRAL, true, false, Map.of());
    }

    public static NluResult ambiguous(String text, String first, String second) {
        List<IntentScore> ranking = List.of(new IntentScore(first, 0.44), new IntentScore(second, 0.41),
                new IntentScore(NluResult.OUT_OF_SCOPE, 0.1));
        return new NluResult(text, ranking.get(0), ranking, List.of(), Sentiment.NEUTRAL, false, true, Map.of());
    }

    /** An entity whose span is unknown (start = end = 0). */
    public static Entity entity(String type, String value) {
        return new Entity(type, value, 0, 0, value, "test");
    }
}
