package dev.parley.handoff;

import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import jakarta.inject.Inject;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agents' ready-made answers, from {@code parley.handoff.canned-responses} (name -> text). Texts take
 * {@code {shopper_name}}, {@code {agent_name}} and the values the dialogue collected ({@code {order_number}} ...);
 * a placeholder with no value is left for the agent to fill in.
 */
@Singleton
public class CannedResponses {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_.]+)}");

    /** A canned response filled in for one conversation; {@code missing} lists placeholders left unfilled. */
    @Serdeable
    public record Filled(String name, String text, List<String> missing) {
    }

    private final Map<String, String> texts;

    @Inject
    CannedResponses(Environment environment) {
        this(environment.getProperty("parley.handoff.canned-responses", Argument.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    CannedResponses(Map<String, String> texts) {
        this.texts = new TreeMap<>(texts);
    }

    public List<Filled> fill(Map<String, String> values) {
        List<Filled> filled = new ArrayList<>();
        texts.forEach((name, text) -> filled.add(fill(name, text, values)));
        return filled;
    }

    public java.util.Optional<Filled> fill(String name, Map<String, String> values) {
        String text = texts.get(name);
        return text == null ? java.util.Optional.empty() : java.util.Optional.of(fill(name, text, values));
    }

    static Filled fill(String name, String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null || value.isBlank()) {
                missing.add(matcher.group(1));
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
            } else {
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(out);
        return new Filled(name, out.toString(), missing);
    }
}
