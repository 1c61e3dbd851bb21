package dev.parley.nlu.entity;

import dev.parley.nlu.Entity;
import dev.parley.nlu.data.EntitySpan;
import dev.parley.nlu.data.Example;
import dev.parley.nlu.data.IntentDefinition;
import dev.parley.nlu.data.IntentsLoader;
import dev.parley.nlu.data.TrainingData;
import dev.parley.nlu.eval.EntityEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extractor built from the shipped intents/ definitions, against the entity markup of the shipped examples. */
class ShippedEntitiesTest {

    private static final TrainingData INTENTS = IntentsLoader.load(Path.of("intents"));
    private static final List<Example> EXAMPLES = INTENTS.intents().stream().map(IntentDefinition::examples)
            .flatMap(List::stream).toList();
    private static final DictionaryEntityExtractor EXTRACTOR = new DictionaryEntityExtractor(INTENTS.entities());

    @Test
    void everyAnnotatedEntityIsFoundWithItsCanonicalValue() {
        EntityEvaluation evaluation = EntityEvaluation.of(EXAMPLES, EXTRACTOR::extract);
        List<EntityEvaluation.Error> wrong = evaluation.errors().stream().filter(e -> !e.kind().equals("spurious"))
                .toList();
        assertEquals(List.of(), wrong);
        assertTrue(evaluation.total().annotated() > 200, "the examples annotate entities");
    }

    @Test
    void noTypoMatchIsAnEnglishWordAndNoShortValueIsPartOfAContraction() {
        List<String> wrong = new ArrayList<>();
        for (Example example : EXAMPLES) {
            for (Entity entity : EXTRACTOR.extract(example.text())) {
                boolean englishTypo = entity.source().equals("fuzzy")
                        && CommonWords.contains(entity.text().toLowerCase(Locale.ROOT));
                boolean joined = entity.text().length() <= 2 && (apostropheAt(example.text(), entity.start() - 1)
                        || apostropheAt(example.text(), entity.end()));
                if (englishTypo || joined) {
                    wrong.add(entity + " in '" + example.text() + "'");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void foundEntitiesNeverOverlapInAnyCasing() {
        for (Example example : EXAMPLES) {
            for (String text : List.of(example.text(), example.text().toUpperCase(Locale.ROOT),
                    example.text().toLowerCase(Locale.ROOT))) {
                List<Entity> found = EXTRACTOR.extract(text);
                for (int i = 1; i < found.size(); i++) {
                    assertTrue(found.get(i - 1).end() <= found.get(i).start(), () -> text + " -> " + found);
                }
            }
        }
    }

    /** Order numbers and coupon codes are defined with (?i): any casing finds the same span and value. */
    @Test
    void caseInsensitiveRegexEntitiesIgnoreCasingAndNormaliseTheirValue() {
        Set<String> regexTypes = Set.of("order_number", "coupon_code");
        int checked = 0;
        for (Example example : EXAMPLES) {
            List<EntitySpan> annotated = example.entities().stream().filter(e -> regexTypes.contains(e.type()))
                    .toList();
            for (String text : List.of(example.text().toUpperCase(Locale.ROOT),
                    example.text().toLowerCase(Locale.ROOT))) {
                List<EntitySpan> found = EXTRACTOR.extract(text).stream().filter(e -> regexTypes.contains(e.type()))
                        .map(e -> new EntitySpan(e.type(), e.start(), e.end(), e.value())).toList();
                assertEquals(annotated, found, text);
                checked += annotated.size();
            }
        }
        assertTrue(checked > 50, "the examples hold order numbers and coupon codes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "where is pa 661208 | order_number | PA-661208",
            "pa-661208 hasn't arrived | order_number | PA-661208",
            "order PA661208 please | order_number | PA-661208",
            "do you have it in size m | size | M",
            "size xl please | size | XL",
            "EU 38,5 | size | 38.5",
            "I'm an M | size | M",
            "apply save20 | coupon_code | SAVE20",
            "any Velora carpets? | category | rugs"})
    void shippedDefinitionsNormaliseValues(String text, String type, String value) {
        List<Entity> found = EXTRACTOR.extract(text).stream().filter(e -> e.type().equals(type)).toList();
        assertEquals(List.of(value), found.stream().map(Entity::value).toList(), text);
    }

    private static boolean apostropheAt(String text, int index) {
        return index >= 0 && index < text.length() && "'\u2019".indexOf(text.charAt(index)) >= 0;
    }
}
