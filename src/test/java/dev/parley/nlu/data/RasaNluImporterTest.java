package dev.parley.nlu.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RasaNluImporterTest {

    static final String NLU = """
            version: "3.1"
            nlu:
            - intent: greet
              examples: |
                - hey
                - hello there
            - intent: check_balance
              metadata:
                sentiment: neutral
              examples:
              - text: |
                  how much is in my [savings](account_type) account
                metadata:
                  language: en
              - what's the balance of my [pink pig](account_type:savings)?
              - 'balance on my [credit card]{"entity": "account_type", "value": "credit"}'
            - intent: transfer
              examples: |
                - send money to [JPMC](bank)
                - wire it to [Comerica](bank) please
            - synonym: savings
              examples: |
                - pink pig
                - piggy bank
            - synonym: credit
              examples: |
                - credit card
            - synonym: JPMorgan Chase
              examples: |
                - chase
            - lookup: bank
              examples: |
                - JPMC
                - Comerica
                - JPMorgan Chase
            - regex: account_number
              examples: |
                - \\d{10,12}
            - lookup: account_number
              examples:
                - "0000000000"
            - intent: greet
              examples: |
                - good morning
            rules:
            - rule: say hi
              steps: []
            """;

    @Test
    void readsIntentsExamplesAndEntityDefinitions() {
        TrainingData data = RasaNluImporter.parse("data/nlu.yml", NLU);

        assertEquals(List.of("greet", "check_balance", "transfer"),
                data.intents().stream().map(IntentDefinition::name).toList());
        assertEquals(List.of("hey", "hello there", "good morning"),
                data.intent("greet").orElseThrow().examples().stream().map(Example::text).toList(),
                "examples of a repeated intent pool");
        List<Example> balance = data.intent("check_balance").orElseThrow().examples();
        assertEquals(new Example("how much is in my savings account",
                List.of(new EntitySpan("account_type", 18, 25, "savings"))), balance.get(0));
        assertEquals(new EntitySpan("account_type", 25, 33, "savings"), balance.get(1).entities().get(0));
        assertEquals(new EntitySpan("account_type", 14, 25, "credit"), balance.get(2).entities().get(0));

        Map<String, EntityDefinition> entities = data.entities().stream()
                .collect(Collectors.toMap(EntityDefinition::name, Function.identity()));
        assertEquals(Map.of("savings", List.of("pink pig", "piggy bank"), "credit", List.of("credit card")),
                entities.get("account_type").synonyms(), "attached by the annotations' values");
        assertEquals(List.of("JPMC", "Comerica", "JPMorgan Chase"), entities.get("bank").lookup());
        assertEquals(Map.of("JPMorgan Chase", List.of("chase")), entities.get("bank").synonyms(),
                "attached by the lookup listing the canonical value");
        assertEquals(List.of("\\d{10,12}"), entities.get("account_number").regexes());
        assertEquals(List.of("0000000000"), entities.get("account_number").lookup(), "lookup and regex X merge");
    }

    @Test
    void importWriteLoadRoundTrips(@TempDir Path tmp) throws IOException {
        Path nlu = tmp.resolve("nlu.yml");
        Files.writeString(nlu, NLU);
        TrainingData imported = RasaNluImporter.read(nlu);

        Path out = tmp.resolve("intents/imported.yml");
        IntentsYamlWriter.write(imported, out, "Imported from nlu.yml\nby parley nlu import");
        String written = Files.readString(out);
        assertTrue(written.startsWith("# Imported from nlu.yml\n# by parley nlu import\nintents:\n"), written);

        TrainingData loaded = IntentsLoader.load(out.getParent());
        assertEquals(imported, loaded);
    }

    @Test
    void writerRoundTripsEveryIntentsFeature() {
        TrainingData original = IntentsLoader.parse("intents/orders.yml", IntentsLoaderTestData.FULL);
        String yaml = IntentsYamlWriter.toYaml(original, null);
        assertEquals(original, IntentsLoader.parse("intents/written.yml", yaml));
        assertEquals(yaml, IntentsYamlWriter.toYaml(IntentsLoader.parse("intents/written.yml", yaml), null),
                "stable output");
    }

    @Test
    void malformedFilesNameFileLineAndReason() {
        assertError("data/nlu.yml:3: nlu item must have exactly one of intent, synonym, lookup, regex "
                + "(found intent, lookup)", """
                version: "3.1"
                nlu:
                - intent: greet
                  lookup: x
                  examples: |
                    - hi
                """);
        assertError("data/nlu.yml:3: nlu item is missing 'examples'", """
                version: "3.1"
                nlu:
                - intent: greet
                """);
        assertError("data/nlu.yml:4: unknown key 'exmaples' in nlu item (expected one of examples, intent, lookup, "
                + "metadata, regex, synonym)", """
                version: "3.1"
                nlu:
                - intent: greet
                  exmaples: |
                    - hi
                """);
        assertError("data/nlu.yml:6: example 'hi [there](' : missing ')' after [there](".replace("' :", "':"), """
                version: "3.1"
                nlu:
                - intent: greet
                  examples: |
                    - hello
                    - hi [there](
                """);
        assertError("data/nlu.yml:5: invalid regex '[0-9': Unclosed character class", """
                nlu:
                - regex: account_number
                  examples: |
                    - \\d{10}
                    - [0-9
                """);
        assertError("data/nlu.yml:2: synonym 'savings' belongs to no entity: annotate an example as "
                + "[text](type:savings) or list it in a lookup", """
                nlu:
                - synonym: savings
                  examples: |
                    - pink pig
                """);
        assertError("data/nlu.yml:2: intent name 'Greet' must be snake_case (a-z, 0-9, _; one '/' for retrieval "
                + "intents) to be usable in intents/", """
                nlu:
                - intent: Greet
                  examples: [hi]
                """);
        assertError("data/nlu.yml:1: unknown key 'nlp' in a Rasa NLU file (expected one of nlu, responses, rules, "
                + "stories, version)", "nlp: []\n");
    }

    private static void assertError(String expected, String yaml) {
        TrainingDataException error = assertThrows(TrainingDataException.class,
                () -> RasaNluImporter.parse("data/nlu.yml", yaml));
        assertEquals(expected, error.getMessage());
    }
}
