package dev.parley.handoff;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Canned responses are filled with what is known and leave the rest for the agent to complete. */
class CannedResponsesTest {

    final CannedResponses canned = new CannedResponses(Map.of(
            "greeting", "Hi {shopper_name}, I'm {agent_name}.",
            "checking_order", "I'm looking at order {order_number}, {shopper_name}."));

    @Test
    void fillsKnownValuesAndListsTheMissingOnes() {
        List<CannedResponses.Filled> filled = canned.fill(Map.of("agent_name", "Robin", "order_number",
                "PA-123456"));
        assertEquals(new CannedResponses.Filled("checking_order", "I'm looking at order PA-123456, {shopper_name}.",
                List.of("shopper_name")), filled.get(0), "sorted by name; an unknown name stays visible");
        assertEquals(new CannedResponses.Filled("greeting", "Hi {shopper_name}, I'm Robin.",
                List.of("shopper_name")), filled.get(1));
        assertEquals("Hi Ana, I'm Robin.", canned.fill("greeting", Map.of("shopper_name", "Ana", "agent_name",
                "Robin")).orElseThrow().text());
        assertEquals("I'm looking at order $1 \\\\ x, Ana.", canned.fill("checking_order", Map.of("order_number",
                "$1 \\\\ x", "shopper_name", "Ana")).orElseThrow().text(), "values are taken literally");
    }
}
