package dev.parley.handoff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code parley.handoff.queue.*}: routing and priority.
 *
 * @param skills               the queues by skill; agents list the ones they serve
 * @param defaultSkill         the queue of a conversation whose intents name none
 * @param intentSkills         intent -> skill (the escalating turn's intent, else the dialogue's last one)
 * @param severities           reason code -> priority points; a hand-off's priority is its most severe reason
 * @param highValueBonus       points added for a high-value shopper
 * @param agingPerMinute       points a waiting conversation gains per minute, so nobody waits forever
 * @param defaultHandleMinutes the minutes one conversation takes an agent before any was resolved (wait estimate)
 */
@ConfigurationProperties("parley.handoff.queue")
public record QueueSettings(
        @Bindable(defaultValue = "orders,returns,payments,sales") List<String> skills,
        @Bindable(defaultValue = "orders") String defaultSkill,
        Map<String, String> intentSkills,
        Map<String, Integer> severities,
        @Bindable(defaultValue = "20") int highValueBonus,
        @Bindable(defaultValue = "2") double agingPerMinute,
        @Bindable(defaultValue = "4") double defaultHandleMinutes) {

    private static final Map<String, Integer> DEFAULT_SEVERITIES = Map.of(
            EscalationReason.BUSINESS_RULE, 50, EscalationReason.COMPLAINT, 45,
            EscalationReason.NEGATIVE_SENTIMENT, 45, EscalationReason.EXPLICIT_REQUEST, 35,
            EscalationReason.REPEATED_QUESTION, 30, EscalationReason.UNRESOLVED_AMBIGUITY, 25,
            EscalationReason.UNCERTAIN_TURNS, 20, EscalationReason.OTHER, 20);

    public QueueSettings {
        skills = skills == null || skills.isEmpty() ? List.of("orders", "returns", "payments", "sales")
                : skills.stream().map(QueueSettings::name).distinct().toList();
        defaultSkill = defaultSkill == null ? skills.get(0) : name(defaultSkill);
        if (!skills.contains(defaultSkill)) {
            throw new IllegalArgumentException("parley.handoff.queue.default-skill " + defaultSkill
                    + " is not among the skills " + skills);
        }
        Map<String, String> routes = new LinkedHashMap<>();
        (intentSkills == null ? Map.<String, String>of() : intentSkills)
                .forEach((intent, skill) -> routes.put(name(intent), name(skill)));
        for (Map.Entry<String, String> route : routes.entrySet()) {
            if (!skills.contains(route.getValue())) {
                throw new IllegalArgumentException("parley.handoff.queue.intent-skills." + route.getKey()
                        + " names an unknown skill " + route.getValue());
            }
        }
        intentSkills = Map.copyOf(routes);
        Map<String, Integer> points = new LinkedHashMap<>(DEFAULT_SEVERITIES);
        (severities == null ? Map.<String, Integer>of() : severities).forEach((code, p) -> points.put(name(code), p));
        severities = Map.copyOf(points);
        if (agingPerMinute < 0) {
            throw new IllegalArgumentException("parley.handoff.queue.aging-per-minute must not be negative");
        }
    }

    public static QueueSettings defaults() {
        return new QueueSettings(null, null, null, null, 20, 2, 4);
    }

    int severity(String reasonCode) {
        return severities.getOrDefault(reasonCode, severities.get(EscalationReason.OTHER));
    }

    private static String name(String value) {
        return value.trim().replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
