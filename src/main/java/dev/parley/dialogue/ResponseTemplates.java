package dev.parley.dialogue;

import dev.parley.message.Channel;
import dev.parley.nlu.data.ResponseVariant;
import dev.parley.nlu.data.TrainingData;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks and fills response variants (intents/README.md): variants for the channel first (a channel id, or
 * {@code voice} on Alexa and the phone line), else those without a channel; a variant whose placeholders cannot all
 * be filled is skipped in favour of one that can. Among the rest, those saying the most (filling the most
 * placeholders) are preferred, so "Order {order.number} arrives {order.eta}" wins over the plain "Order
 * {order.number} is on its way" whenever the ETA is known; one of them is picked at random.
 */
@Singleton
public class ResponseTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    private final TrainingData data;

    public ResponseTemplates(TrainingData data) {
        this.data = data;
    }

    /** Renders one of the variants, or empty when none fits the channel and the values. */
    public Optional<String> render(List<ResponseVariant> variants, Channel channel, Map<String, String> values) {
        Optional<String> specific = pick(variants.stream().filter(v -> targets(v, channel)).toList(), values);
        return specific.isPresent() ? specific : pick(variants.stream().filter(v -> v.channel() == null).toList(),
                values);
    }

    /**
     * Renders a named response: intents/ first, else its documented default ({@link SystemResponses}). Never
     * fails: as a last resort the default is used with unfilled placeholders left out.
     */
    public String named(String name, Channel channel, Map<String, String> values) {
        return render(data.responses().getOrDefault(name, List.of()), channel, values)
                .or(() -> render(SystemResponses.defaults(name), channel, values))
                .orElseGet(() -> {
                    List<ResponseVariant> defaults = SystemResponses.defaults(name);
                    String text = defaults.isEmpty() ? SystemResponses.defaults(SystemResponses.FALLBACK_ERROR)
                            .get(0).text() : defaults.get(0).text();
                    return fill(text, values, true).replaceAll("\\s+([,.?!])", "$1").replaceAll(" {2,}", " ");
                });
    }

    /** Whether intents/ or the documented defaults define this named response. */
    public boolean defines(String name) {
        return data.responses().containsKey(name) || !SystemResponses.defaults(name).isEmpty();
    }

    /** The placeholder names in a template, e.g. {@code order.status}. */
    public static java.util.stream.Stream<String> placeholders(String template) {
        return PLACEHOLDER.matcher(template).results().map(match -> match.group(1));
    }

    /** The named responses the dialogue uses that intents/ does not define (their defaults apply). */
    public List<String> namesUsingDefaults() {
        List<String> missing = new ArrayList<>();
        for (String name : SystemResponses.names()) {
            if (!data.responses().containsKey(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static boolean targets(ResponseVariant variant, Channel channel) {
        String target = variant.channel();
        return target != null && (target.equalsIgnoreCase(channel.id())
                || (channel.isVoice() && target.equalsIgnoreCase("voice")));
    }

    private static Optional<String> pick(List<ResponseVariant> variants, Map<String, String> values) {
        List<String> fillable = new ArrayList<>();
        int mostFilled = -1;
        for (ResponseVariant variant : variants) {
            String text = fill(variant.text(), values, false);
            if (text == null) {
                continue;
            }
            int filled = (int) PLACEHOLDER.matcher(variant.text()).results().count();
            if (filled > mostFilled) {
                fillable.clear();
                mostFilled = filled;
            }
            if (filled == mostFilled) {
                fillable.add(text);
            }
        }
        return fillable.isEmpty() ? Optional.empty()
                : Optional.of(fillable.get(ThreadLocalRandom.current().nextInt(fillable.size())));
    }

    /** The text with placeholders replaced; null when one has no value (unless {@code dropMissing}). */
    private static String fill(String template, Map<String, String> values, boolean dropMissing) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null || value.isBlank()) {
                if (!dropMissing) {
                    return null;
                }
                value = "";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().trim();
    }
}
