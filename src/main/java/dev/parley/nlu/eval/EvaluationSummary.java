package dev.parley.nlu.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The headline figures of an evaluation, written as {@code summary.json} and as the last stdout line of
 * {@code nlu evaluate} (keys in snake_case: {@code in_scope_accuracy}, ..., {@code parse_p99_ms}). Rates are
 * fractions in 0..1; a rate with nothing to count (no out-of-scope rows, say) is null. The timings are filled by
 * the caller with {@link #withTimings}.
 */
public record EvaluationSummary(Double inScopeAccuracy, Double oosRecall, Double oosPrecision, Double macroF1,
                                Double ece, int inScopeCount, int oosCount, Double trainSeconds,
                                Double parseP50Ms, Double parseP99Ms) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    public EvaluationSummary withTimings(Double trainSeconds, Double parseP50Ms, Double parseP99Ms) {
        return new EvaluationSummary(inScopeAccuracy, oosRecall, oosPrecision, macroF1, ece, inScopeCount, oosCount,
                trainSeconds, parseP50Ms, parseP99Ms);
    }

    /** One line of JSON. */
    public String toJson() {
        return write(JSON);
    }

    String toPrettyJson() {
        return write(JSON.copy().enable(SerializationFeature.INDENT_OUTPUT));
    }

    private String write(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of numbers always serialises", e);
        }
    }
}
