package dev.parley.testing;

import dev.parley.nlu.Entity;
import dev.parley.nlu.IntentScore;
import dev.parley.nlu.NluPipeline;
import dev.parley.nlu.NluResult;
import dev.parley.nlu.Sentiment;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY, test sources only: a keyword-rule stand-in for the lead's NLU pipeline (CoreNLP + embeddings), which
 * is not on main yet. Swap in the real pipeline when it lands (delete this class). Rules: the first matching
 * keyword rule is the intent (confidence 0.9); a short message (three words or fewer) matching two rules is
 * ambiguous; nothing matching is out of scope. Entities by regex and word lists.
 */
@Singleton
@Requires(env = "test")
public class KeywordNluPipeline implements NluPipeline {

    private static final Map<String, Pattern> RULES = new LinkedHashMap<>();
    private static final Map<String, List<String>> WORDS = new LinkedHashMap<>();

    static {
        rule("talk_to_human", "\\b(human|person|agent|colleague)\\b");
        rule("greet", "^(hi|hello|hey)\\b");
        rule("goodbye", "\\b(bye|goodbye)\\b");
        rule("thanks", "\\bthank");
        rule("affirm", "^(yes|yep|sure|ok)\\b");
        rule("deny", "^(no|nope)\\b");
        rule("help", "\\bhelp\\b");
        rule("cancel_order", "\\bcancel\\b");
        rule("change_address", "\\baddress\\b");
        rule("refund_status", "\\brefund\\b");
        rule("track_parcel", "\\b(track|tracking|parcel)\\b");
        rule("order_status", "\\b(order|where is my)\\b");
        rule("stock_availability", "\\b(in stock|available)\\b");
        rule("opening_hours", "\\b(open|hours)\\b");
        rule("store_locations", "\\b(stores?|shops?)\\b");
        rule("product_search", "\\b(show|looking for|find|search|sneakers|trainers|jackets|sofas|lamps|boots)\\b");
        rule("complaint", "\\b(terrible|awful|complain)\\b");
        WORDS.put("color", List.of("red", "blue", "green", "black", "white", "navy", "grey"));
        WORDS.put("category", List.of("sneakers", "jackets", "sofas", "lamps", "boots"));
        WORDS.put("city", List.of("Paris", "Berlin", "Madrid", "Lisbon", "Zurich"));
    }

    private static final Pattern ORDER_NUMBER = Pattern.compile("(?i)\\bPA[- ]?(\\d{6})\\b");
    private static final Pattern SIZE = Pattern.compile("(?i)\\bsize (\\d{2}|XS|S|M|L|XL|XXL)\\b");

    private static void rule(String intent, String regex) {
        RULES.put(intent, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    @Override
    public NluResult parse(String text) {
        List<String> matched = new ArrayList<>();
        RULES.forEach((intent, pattern) -> {
            if (pattern.matcher(text).find()) {
                matched.add(intent);
            }
        });
        List<Entity> entities = entities(text);
        Sentiment sentiment = matched.contains("complaint") ? new Sentiment("negative", -0.8) : Sentiment.NEUTRAL;
        if (matched.isEmpty()) {
            IntentScore oos = new IntentScore(NluResult.OUT_OF_SCOPE, 0.3);
            return new NluResult(text, oos, List.of(oos), entities, sentiment, true, false, Map.of("total", 0.1));
        }
        boolean ambiguous = matched.size() >= 2 && text.trim().split("\\s+").length <= 3;
        List<IntentScore> ranking = new ArrayList<>();
        for (int i = 0; i < matched.size(); i++) {
            ranking.add(new IntentScore(matched.get(i), ambiguous ? 0.45 - 0.05 * i : (i == 0 ? 0.9 : 0.05)));
        }
        return new NluResult(text, ranking.get(0), ranking, entities, sentiment, false, ambiguous,
                Map.of("total", 0.1));
    }

    private static List<Entity> entities(String text) {
        List<Entity> found = new ArrayList<>();
        Matcher order = ORDER_NUMBER.matcher(text);
        while (order.find()) {
            found.add(new Entity("order_number", order.group(), order.start(), order.end(), "PA-" + order.group(1),
                    "regex"));
        }
        Matcher size = SIZE.matcher(text);
        while (size.find()) {
            found.add(new Entity("size", size.group(1), size.start(1), size.end(1),
                    size.group(1).toUpperCase(Locale.ROOT), "regex"));
        }
        WORDS.forEach((type, words) -> {
            for (String word : words) {
                Matcher matcher = Pattern.compile("(?i)\\b" + word + "\\b").matcher(text);
                if (matcher.find()) {
                    found.add(new Entity(type, matcher.group(), matcher.start(), matcher.end(), word, "lookup"));
                }
            }
        });
        found.sort(java.util.Comparator.comparingInt(Entity::start));
        return found;
    }
}
