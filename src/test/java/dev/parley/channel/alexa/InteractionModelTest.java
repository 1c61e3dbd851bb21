package dev.parley.channel.alexa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.UsageException;
import dev.parley.nlu.data.IntentsLoader;
import dev.parley.nlu.data.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code parley skill export}: the interaction model generated from intents/ and Alexa's rules for it. */
class InteractionModelTest {

    static final Path COMMITTED = Path.of(SkillCommand.DEFAULT_OUT);
    static final Pattern SAMPLE = Pattern.compile("[a-z'. ]*(?:\\{[A-Za-z_]+}[a-z'. ]*)*");
    static final Pattern SLOT_REFERENCE = Pattern.compile("\\{([A-Za-z_]+)}");

    static final String INTENTS = """
            intents:
              - name: order_status
                slots:
                  - entity: order_number
                    prompt: "What's your order number?"
                examples:
                  - "where's order [PA-482913](order_number)?"
                  - "Where is my order!!"
                  - "where is my order"
                  - "is [pa 661208](order_number:PA-661208) shipped & paid, 100%?"
              - name: product_search
                examples:
                  - "[red](color) [trainers](category:sneakers) in size 42"
                  - "[red](color) or [blue](color) shoes"
                  - "where is my order"
              - name: help
                examples:
                  - "what can you do"
                  - "help with [sneakers](category)"
              - name: goodbye
                examples: ["bye", "cya!"]
              - name: oos
                examples: ["how is glue made"]
            entities:
              - name: color
                lookup: [red, blue]
                synonyms: {navy: [navy blue, dark blue]}
              - name: category
                lookup: [sneakers, t-shirts]
                synonyms: {sneakers: [trainers, tennis shoes], t-shirts: [t-shirt, tee]}
              - name: order_number
                regex: ['(?i)\\bPA[- ]?\\d{6}\\b']
            """;

    @Test
    void examplesBecomeSayableSamplesWithSlots() {
        Map<String, JsonNode> intents = intents(model(IntentsLoader.parse("test.yml", INTENTS)));
        assertEquals(List.of("where's order {order_number}", "where is my order",
                "is {order_number} shipped and paid one hundred percent"), samples(intents.get("order_status")));
        assertEquals("PARLEY_ORDER_NUMBER", intents.get("order_status").get("slots").get(0).get("type").asText());
        // a slot twice in one sample is not allowed; a sample already used by an earlier intent goes too
        assertEquals(List.of("{color} {category} in size forty two"), samples(intents.get("product_search")));
        assertEquals(List.of("what can you do"), samples(intents.get(SkillIntents.HELP)));
        assertEquals(List.of("bye", "cya"), samples(intents.get(SkillIntents.STOP)));
        assertFalse(intents.containsKey("help"));
        assertFalse(intents.containsKey("oos"));
        for (String builtIn : List.of(SkillIntents.CANCEL, SkillIntents.FALLBACK, SkillIntents.NAVIGATE_HOME)) {
            assertTrue(intents.containsKey(builtIn), builtIn);
        }
        JsonNode catchAll = intents.get(SkillIntents.CATCH_ALL);
        assertEquals("AMAZON.SearchQuery", catchAll.get("slots").get(0).get("type").asText());
        samples(catchAll).forEach(sample -> assertTrue(sample.contains("{query}") && !sample.equals("{query}")));
    }

    @Test
    void writtenTextBecomesWhatPeopleSay() {
        assertEquals("what size for someone one hundred sixty centimeters tall",
                SpokenForm.of("What size for someone 160cm tall?"));
        assertEquals("can furniture go to the fourth floor or the twenty first",
                SpokenForm.of("Can furniture go to the 4th floor, or the 21st?"));
        assertEquals("my sister's thirtieth", SpokenForm.of("my sister's 30th"));
        assertEquals("x. l. or x. x. l. from d. h. l. is it vat free", SpokenForm.of("XL or XXL from DHL: is it VAT free?"));
        assertEquals("size m. i'm sure", SpokenForm.of("size M, I'm sure"));
        assertEquals("p. a. four eight two nine one three", SpokenForm.of("PA-482913"));
        assertEquals("lumen and co munchen", SpokenForm.of("Lumen & Co München"));
        assertEquals("thirty eight point five", SpokenForm.of("38.5"));
    }

    @Test
    void slotTypesCarryCanonicalValuesAsIdsWithSpokenSynonyms() {
        Map<String, JsonNode> types = new HashMap<>();
        model(IntentsLoader.parse("test.yml", INTENTS)).get("interactionModel").get("languageModel").get("types")
                .forEach(type -> types.put(type.get("name").asText(), type));
        Map<String, JsonNode> categories = values(types.get("PARLEY_CATEGORY"));
        assertEquals("sneakers", categories.get("sneakers").get("name").get("value").asText());
        assertEquals(List.of("trainers", "tennis shoes"), strings(categories.get("sneakers").get("name").get("synonyms")));
        assertEquals("t shirts", categories.get("t-shirts").get("name").get("value").asText());
        Map<String, JsonNode> orders = values(types.get("PARLEY_ORDER_NUMBER"));
        assertEquals("p. a. four eight two nine one three", orders.get("PA-482913").get("name").get("value").asText());
        assertEquals("pa six six one two zero eight", orders.get("PA-661208").get("name").get("value").asText());
    }

    @Test
    void invocationNamesFollowAlexasRules() {
        TrainingData data = IntentsLoader.parse("test.yml", INTENTS);
        for (String bad : List.of("parley", "Parley Shop", "parley shop 2", "ask parley", "parley skill")) {
            assertThrows(IllegalArgumentException.class, () -> InteractionModel.build(data, bad), bad);
        }
        InteractionModel.build(data, "sam's shop");
    }

    @Test
    void theCommandWritesTheModelAndRejectsBadUsage(@TempDir Path dir) throws Exception {
        SkillCommand command = new SkillCommand(() -> IntentsLoader.parse("test.yml", INTENTS), settings());
        Path out = dir.resolve("model.json");
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        assertEquals(0, command.run(List.of("export", "--out", out.toString()), new PrintStream(summary),
                new PrintStream(new ByteArrayOutputStream())));
        assertEquals("parley shop", new ObjectMapper().readTree(out.toFile()).get("interactionModel")
                .get("languageModel").get("invocationName").asText());
        assertTrue(summary.toString(StandardCharsets.UTF_8).contains("\"slotTypes\":3"), summary.toString());
        assertThrows(UsageException.class, () -> command.run(List.of("import"), System.out, System.err));
        assertThrows(UsageException.class, () -> command.run(List.of("export", "--invocation-name", "alexa shop"),
                System.out, System.err));
    }

    /** The committed file is what intents/ generates today (re-run `./parley skill export` after editing intents/). */
    @Test
    void theCommittedModelIsUpToDateWithIntents(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("interaction-model.json");
        SkillCommand.write(InteractionModel.build(IntentsLoader.load(Path.of("intents")), "parley shop"), fresh);
        assertEquals(Files.readString(fresh), Files.readString(COMMITTED),
                COMMITTED + " is out of date: run ./parley skill export");
    }

    /** Every sample of the committed model keeps Alexa's rules. */
    @Test
    void theCommittedModelKeepsAlexasRules() throws Exception {
        JsonNode languageModel = new ObjectMapper().readTree(COMMITTED.toFile()).get("interactionModel")
                .get("languageModel");
        Set<String> types = new HashSet<>();
        languageModel.get("types").forEach(type -> {
            types.add(type.get("name").asText());
            assertTrue(type.get("values").size() > 0, type.get("name").asText());
        });
        Set<String> seen = new HashSet<>();
        for (JsonNode intent : languageModel.get("intents")) {
            Set<String> slots = new HashSet<>();
            if (intent.has("slots")) {
                intent.get("slots").forEach(slot -> {
                    slots.add(slot.get("name").asText());
                    String type = slot.get("type").asText();
                    assertTrue(type.startsWith("AMAZON.") || types.contains(type), type);
                });
            }
            for (String sample : samples(intent)) {
                assertTrue(SAMPLE.matcher(sample).matches(), sample);
                assertTrue(sample.length() <= InteractionModel.MAX_SAMPLE_LENGTH, sample);
                assertTrue(seen.add(sample), "sample in two intents: " + sample);
                Matcher references = SLOT_REFERENCE.matcher(sample);
                Set<String> used = new HashSet<>();
                while (references.find()) {
                    assertTrue(slots.contains(references.group(1)), sample);
                    assertTrue(used.add(references.group(1)), "slot twice: " + sample);
                }
            }
        }
        assertTrue(seen.size() > 500, "samples: " + seen.size());
    }

    private static AlexaSettings settings() {
        return new AlexaSettings("amzn1.ask.skill.x", true, 150, 5, "parley shop", "A colleague will follow up.");
    }

    private static JsonNode model(TrainingData data) {
        return new ObjectMapper().valueToTree(InteractionModel.build(data, "parley shop").json());
    }

    private static Map<String, JsonNode> intents(JsonNode model) {
        Map<String, JsonNode> byName = new HashMap<>();
        model.get("interactionModel").get("languageModel").get("intents")
                .forEach(intent -> byName.put(intent.get("name").asText(), intent));
        return byName;
    }

    private static Map<String, JsonNode> values(JsonNode type) {
        Map<String, JsonNode> byId = new HashMap<>();
        type.get("values").forEach(value -> byId.put(value.get("id").asText(), value));
        return byId;
    }

    private static List<String> samples(JsonNode intent) {
        return strings(intent.get("samples"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
