package dev.parley.offers.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.offers.decision.DecisionLog;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes the production decision log (decisions with a known outcome) in the {@code offers evaluate} format:
 * context columns channel, strategy, segment, stage, intent, weather, life_event, plus position, action, reward,
 * propensity, timestamp. Recovery decisions are left out: they are not the bandit's choices.
 */
@Singleton
public class DecisionLogExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DecisionLog log;
    private final dev.parley.offers.decision.DecisionLogWriter writer;

    DecisionLogExport(DecisionLog log, dev.parley.offers.decision.DecisionLogWriter writer) {
        this.log = log;
        this.writer = writer;
    }

    public int write(Writer out) throws IOException {
        out.write("timestamp,position,channel,strategy,segment,stage,intent,weather,life_event,action,reward,propensity\n");
        writer.flush();
        int[] rows = {0};
        log.forEachDecision(decision -> {
            if (decision.reward() == null || decision.strategy().equals("recovery")) {
                return;
            }
            try {
                Map<String, Object> context = JSON.readValue(decision.context(), new TypeReference<>() { });
                List<?> lifeEvents = (List<?>) context.getOrDefault("life_events", List.of());
                out.write(String.join(",", decision.decidedAt().toString(), String.valueOf(decision.position()),
                        decision.channel(), decision.strategy(), decision.segment(), text(context.get("stage")),
                        text(context.get("intent")), text(context.get("weather")),
                        lifeEvents.isEmpty() ? "none" : lifeEvents.get(0).toString(), decision.offerId(),
                        String.valueOf(decision.reward()), String.valueOf(decision.propensity())) + "\n");
                rows[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return rows[0];
    }

    private static String text(Object value) {
        return value == null ? "none" : value.toString().replace(",", " ");
    }
}
