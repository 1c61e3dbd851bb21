package dev.parley.nlu.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntentsLoaderTest {

    private static final String ORDERS = IntentsLoaderTestData.FULL;

    @Test
    void readsEveryPartOfAFile() {
        TrainingData data = IntentsLoader.parse("intents/orders.yml", ORDERS);

        IntentDefinition status = data.intent("order_status").orElseThrow();
        assertEquals("The shopper asks where an order is or when it arrives.", status.description());
        assertEquals("order_status", status.action());
        assertEquals(List.of(new SlotRequirement("order_number", "Sure! What's your order number?")), status.slots());
        assertEquals(List.of(Example.of("where is my order"),
                new Example("where's order PA-482913?", List.of(new EntitySpan("order_number", 14, 23, "PA-482913"))),
                new Example("has my parcel shipped yet", List.of(new EntitySpan("item", 7, 13, "order")))),
                status.examples());
        assertEquals(List.of(new ResponseVariant("Order {order_number} is {order.status}.", null),
                new ResponseVariant("{order_number}: {order.status}.", "voice"),
                new ResponseVariant("Just a plain string response", null)), status.responses());
        assertEquals(List.of("Track my parcel", "Talk to a person"), status.quickReplies());

        IntentDefinition affirm = data.intent("affirm").orElseThrow();
        assertEquals("", affirm.description());
        assertNull(affirm.action());
        assertEquals(List.of("yes", "sure thing", "no problem"),
                affirm.examples().stream().map(Example::text).toList(), "block examples, 'yes' stays a string");
        assertEquals(List.of(new EntitySpan("answer", 0, 4, "yes")), affirm.examples().get(1).entities());

        assertEquals(2, data.entities().size(), "the two color definitions merge");
        EntityDefinition color = data.entities().get(0);
        assertEquals("color", color.name());
        assertTrue(color.fuzzy());
        assertEquals(List.of("red", "blue", "42", "green"), color.lookup());
        assertEquals(Map.of("navy", List.of("navy blue", "dark blue"), "red", List.of("crimson")), color.synonyms());
        EntityDefinition orderNumber = data.entities().get(1);
        assertEquals(List.of("\\bPA-\\d{6}\\b"), orderNumber.regexes());
        assertFalse(orderNumber.fuzzy());

        assertEquals(Map.of("ask_rephrase", List.of(new ResponseVariant("Sorry, I didn't get that.", null))),
                data.responses());
    }

    @Test
    void emptyFileIsEmptyData() {
        assertEquals(TrainingData.empty(), IntentsLoader.parse("intents/empty.yml", "# nothing yet\n"));
    }

    @Test
    void exampleMustBeAString() {
        String yaml = """
                intents:
                  - name: greet
                    examples:
                      - hello
                      - hi: there
                """;
        assertError("intents/orders.yml:5: example must be a string", yaml);
    }

    @Test
    void unknownKeysAreReportedAtTheirLine() {
        assertError("intents/orders.yml:3: unknown key 'exmples' in intent (expected one of action, description, "
                + "examples, name, quick_replies, responses, slots)", """
                intents:
                  - name: greet
                    exmples: [hello]
                """);
        assertError("intents/orders.yml:2: unknown key 'intent' in an intents file (expected one of domain, entities, "
                + "intents, responses)", """
                domain: x
                intent: []
                """);
        assertError("intents/orders.yml:3: unknown key 'lookups' in entity (expected one of fuzzy, lookup, name, "
                + "normalize, regex, synonyms)", """
                entities:
                  - name: color
                    lookups: [red]
                """);
    }

    @Test
    void structuralErrorsNameFileLineAndReason() {
        assertError("intents/orders.yml:4: duplicate key 'examples' in intent", """
                intents:
                  - name: greet
                    examples: [hi]
                    examples: [hello]
                """);
        assertError("intents/orders.yml:2: intent is missing 'name'", """
                intents:
                  - examples: [hi]
                """);
        assertError("intents/orders.yml:2: intent name 'Greet Me' must be snake_case (a-z, 0-9, _)", """
                intents:
                  - name: Greet Me
                    examples: [hi]
                """);
        assertError("intents/orders.yml:2: intent 'greet' has no examples", """
                intents:
                  - name: greet
                    description: hello
                """);
        assertError("intents/orders.yml:1: intents must be a list", "intents: greet\n");
        assertError("intents/orders.yml:3: examples must be a list or a '|' block of '- ' lines", """
                intents:
                  - name: greet
                    examples: hello
                """);
        assertError("intents/orders.yml:5: unknown channel 'sms' (expected voice, webchat, whatsapp, alexa or phone)",
                """
                intents:
                  - name: greet
                    examples: [hi]
                    responses:
                      - {text: Hi, channel: sms}
                """);
        assertError("intents/orders.yml:3: fuzzy must be true or false", """
                entities:
                  - name: color
                    fuzzy: maybe
                """);
        assertError("intents/orders.yml:4: invalid regex 'PA-(\\d+': Unclosed group", """
                entities:
                  - name: order_number
                    regex:
                      - 'PA-(\\d+'
                """);
    }

    @Test
    void markupErrorsPointAtTheExampleLineInListsAndBlocks() {
        assertError("intents/orders.yml:5: example 'show me [red](color shoes': missing ')' after [red](color shoes",
                """
                intents:
                  - name: search
                    examples:
                      - show me shoes
                      - "show me [red](color shoes"
                """);
        assertError("intents/orders.yml:7: example 'show [red] shoes': [red] at column 6 must be followed by (type), "
                + "(type:value) or {\"entity\": \"type\"}", """
                intents:
                  - name: search
                    examples: |
                      - show me shoes

                      - any [blue](color) ones
                      - show [red] shoes
                """);
        assertError("intents/orders.yml:5: example lines in a '|' block must start with '- '", """
                intents:
                  - name: search
                    examples: |
                      - show me shoes
                      show me boots
                """);
    }

    @Test
    void yamlSyntaxErrorsHaveALineAndAHintForUnquotedMarkup() {
        TrainingDataException error = assertThrows(TrainingDataException.class, () -> IntentsLoader.parse(
                "intents/shop.yml", """
                intents:
                  - name: search
                    examples:
                      - [red](color) sneakers
                """));
        assertTrue(error.getMessage().startsWith("intents/shop.yml:4: invalid YAML: "), error.getMessage());
        assertTrue(error.getMessage().endsWith("(quote a list item that starts with '[' or '{' or holds "
                + "{\"entity\": ...} markup, or use an 'examples: |' block)"), error.getMessage());
        TrainingDataException json = assertThrows(TrainingDataException.class, () -> IntentsLoader.parse(
                "intents/shop.yml", """
                intents:
                  - name: search
                    examples:
                      - has my [parcel]{"entity": "item"} shipped
                """));
        assertTrue(json.getMessage().startsWith("intents/shop.yml:4: invalid YAML: "), json.getMessage());
        assertTrue(json.getMessage().contains("quote a list item"), json.getMessage());
    }

    @Test
    void loadsAFolderInNameOrderAndRejectsAnIntentDefinedTwice(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("intents"));
        Files.writeString(dir.resolve("b_orders.yml"), """
                intents:
                  - name: order_status
                    examples: [where is my order]
                entities:
                  - name: color
                    lookup: [blue]
                """);
        Files.writeString(dir.resolve("a_shop.yml"), """
                intents:
                  - name: search
                    examples: [show me shoes]
                entities:
                  - name: color
                    lookup: [red]
                """);
        Files.writeString(dir.resolve("README.md"), "not yaml: [");

        TrainingData data = IntentsLoader.load(dir);
        assertEquals(List.of("search", "order_status"), data.intents().stream().map(IntentDefinition::name).toList());
        assertEquals(List.of("red", "blue"), data.entities().get(0).lookup());

        Files.writeString(dir.resolve("c_more.yml"), """
                # the same intent again
                intents:
                  - name: search
                    examples: [find boots]
                """);
        TrainingDataException error = assertThrows(TrainingDataException.class, () -> IntentsLoader.load(dir));
        assertEquals(dir.resolve("c_more.yml") + ":3: intent 'search' is already defined at "
                + dir.resolve("a_shop.yml") + ":2", error.getMessage());
    }

    @Test
    void fileErrorsUseThePathAsGiven(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("intents"));
        Files.writeString(dir.resolve("orders.yml"), "intents:\n  - name: x\n    examples:\n      - [a, b]\n");
        TrainingDataException error = assertThrows(TrainingDataException.class, () -> IntentsLoader.load(dir));
        assertEquals(dir.resolve("orders.yml") + ":4: example must be a string", error.getMessage());

        assertThrows(TrainingDataException.class, () -> IntentsLoader.load(tmp.resolve("missing")));
        Files.write(dir.resolve("orders.yml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        assertEquals(dir.resolve("orders.yml") + ": not UTF-8 text",
                assertThrows(TrainingDataException.class, () -> IntentsLoader.load(dir)).getMessage());
    }

    @Test
    void theReadmeExampleIsValid() throws IOException {
        String readme = Files.readString(Path.of("intents/README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        TrainingData data = IntentsLoader.parse("intents/README.md", yaml);
        assertEquals(new EntitySpan("item", 7, 13, "order"),
                data.intent("order_status").orElseThrow().examples().get(2).entities().get(0));
        assertEquals(List.of("navy blue", "dark blue"), data.entities().get(0).synonyms().get("navy"));
        assertEquals(new ValueNormalization(ValueNormalization.LetterCase.UPPER,
                List.of(new ValueNormalization.Replacement("^PA[- ]?", "PA-"))), data.entities().get(1).normalize());
    }

    @Test
    void normalizeIsReadInOrderAndWrittenBack() {
        String yaml = """
                entities:
                  - name: code
                    regex: ['(?i)\\bX\\d+\\b']
                    normalize:
                      case: lower
                      replace:
                        '\\s+': ''
                        '^x(\\d+)$': 'x-$1'
                        '(?<n>\\d)$': '${n}'
                  - name: plain
                    regex: ['\\d+']
                """;
        TrainingData data = IntentsLoader.parse("intents/codes.yml", yaml);
        assertEquals(new ValueNormalization(ValueNormalization.LetterCase.LOWER, List.of(
                        new ValueNormalization.Replacement("\\s+", ""),
                        new ValueNormalization.Replacement("^x(\\d+)$", "x-$1"),
                        new ValueNormalization.Replacement("(?<n>\\d)$", "${n}"))),
                data.entities().get(0).normalize());
        assertEquals(ValueNormalization.NONE, data.entities().get(1).normalize());
        assertEquals(data, IntentsLoader.parse("intents/written.yml", IntentsYamlWriter.toYaml(data, null)));
    }

    @Test
    void badNormalizeIsReportedAtItsLine() {
        assertError("intents/orders.yml:4: case must be upper or lower", """
                entities:
                  - name: code
                    normalize:
                      case: title
                """);
        assertError("intents/orders.yml:4: unknown key 'replacements' in normalize (expected one of case, replace)",
                """
                entities:
                  - name: code
                    normalize:
                      replacements: {}
                """);
        assertError("intents/orders.yml:4: normalize: replacement 'PA-$2': '$' must be followed by a group number "
                + "of '^PA(\\d+)' (0-1); write '\\$' for a dollar sign", """
                entities:
                  - name: code
                    normalize:
                      replace: {'^PA(\\d+)': 'PA-$2'}
                """);
        assertError("intents/orders.yml:4: normalize: replacement '${num}' names no group of '(?<n>\\d+)'", """
                entities:
                  - name: code
                    normalize:
                      replace: {'(?<n>\\d+)': '${num}'}
                """);
        assertError("intents/orders.yml:4: normalize: invalid regex '(PA': Unclosed group", """
                entities:
                  - name: code
                    normalize:
                      replace: {'(PA': 'PA'}
                """);
        assertError("intents/orders.yml:6: entity 'code' is defined twice with different 'normalize'", """
                entities:
                  - name: code
                    normalize: {case: upper}
                  - name: code
                    lookup: [a]
                  - name: code
                    normalize: {case: lower}
                """);
    }

    private static void assertError(String expected, String yaml) {
        TrainingDataException error = assertThrows(TrainingDataException.class,
                () -> IntentsLoader.parse("intents/orders.yml", yaml));
        assertEquals(expected, error.getMessage());
    }
}
