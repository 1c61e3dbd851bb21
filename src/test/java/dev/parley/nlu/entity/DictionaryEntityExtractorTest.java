package dev.parley.nlu.entity;

import dev.parley.nlu.Entity;
import dev.parley.nlu.data.EntityDefinition;
import dev.parley.nlu.data.ValueNormalization;
import dev.parley.nlu.data.ValueNormalization.LetterCase;
import dev.parley.nlu.data.ValueNormalization.Replacement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DictionaryEntityExtractorTest {

    private static final EntityDefinition COLOR = new EntityDefinition("color", List.of("red", "blue", "black", "green"),
            Map.of("navy", List.of("navy blue", "dark blue"), "red", List.of("crimson")), List.of(), true);
    private static final EntityDefinition CATEGORY = new EntityDefinition("category",
            List.of("sneakers", "running sneakers", "T-shirt", "block heels", "balance board"), Map.of(), List.of(),
            true);
    private static final EntityDefinition BRAND = new EntityDefinition("brand", List.of("Nike", "Adidas",
            "New Balance"), Map.of(), List.of(), false);
    private static final EntityDefinition FUZZY_BRAND = new EntityDefinition("brand", List.of("Nike", "Vans"),
            Map.of(), List.of(), true);
    private static final EntityDefinition ORDER_NUMBER = new EntityDefinition("order_number", List.of(), Map.of(),
            List.of("\\bPA-\\d{6}\\b"), false);

    private static final EntityDefinition SIZE = new EntityDefinition("size", List.of("XS", "S", "M", "L", "XL"),
            Map.of("M", List.of("medium")), List.of(), false);
    /** Values that everyday words neighbour within one edit. */
    private static final EntityDefinition SHOP_COLORS = new EntityDefinition("color",
            List.of("gold", "teal", "olive", "pink", "mint", "cream", "blue"), Map.of(), List.of(), true);
    private static final EntityDefinition SHOP_CATEGORIES = new EntityDefinition("category",
            List.of("jackets", "shirts"),
            Map.of("jackets", List.of("coat", "coats"), "boots", List.of("boot")), List.of(), true);

    private final DictionaryEntityExtractor extractor = new DictionaryEntityExtractor(
            List.of(COLOR, CATEGORY, BRAND, ORDER_NUMBER));
    private final DictionaryEntityExtractor sizes = new DictionaryEntityExtractor(List.of(SIZE));
    private final DictionaryEntityExtractor shop = new DictionaryEntityExtractor(List.of(SHOP_COLORS,
            SHOP_CATEGORIES));

    @Test
    void lookupsMatchWholeWordsCaseInsensitivelyWithSpans() {
        assertEquals(List.of(new Entity("color", "RED", 8, 11, "red", "lookup"),
                        new Entity("category", "Sneakers", 12, 20, "sneakers", "lookup")),
                extractor.extract("Show me RED Sneakers!"));
        assertEquals(List.of(), extractor.extract("I was bored and redacted the reds"));
    }

    @Test
    void synonymsNormaliseToTheirCanonicalValue() {
        assertEquals(List.of(new Entity("color", "Dark  Blue", 0, 10, "navy", "synonym")),
                extractor.extract("Dark  Blue please"));
        assertEquals(List.of(new Entity("color", "crimson", 4, 11, "red", "synonym"),
                new Entity("color", "navy", 15, 19, "navy", "lookup")), extractor.extract("any crimson or navy?"));
    }

    @Test
    void phrasesMatchAcrossPunctuationAndTheLongestWins() {
        assertEquals(List.of(new Entity("color", "navy blue", 0, 9, "navy", "synonym"),
                        new Entity("category", "running sneakers", 10, 26, "running sneakers", "lookup")),
                extractor.extract("navy blue running sneakers"));
        assertEquals(List.of(new Entity("category", "t shirt", 2, 9, "T-shirt", "lookup")),
                extractor.extract("a t shirt"));
        assertEquals(List.of(new Entity("category", "balance board", 4, 17, "balance board", "lookup")),
                extractor.extract("new balance board"), "the longer of two overlapping phrases, no overlap kept");
        assertEquals(List.of(new Entity("brand", "New Balance", 0, 11, "New Balance", "lookup")),
                extractor.extract("New Balance shoes"));
    }

    @Test
    void smallTyposMatchFuzzyDefinitions() {
        assertEquals(List.of(new Entity("color", "bleu", 0, 4, "blue", "fuzzy"),
                new Entity("category", "sneekers", 5, 13, "sneakers", "fuzzy")), extractor.extract("bleu sneekers"));
        assertEquals(List.of(new Entity("color", "navy bleu", 0, 9, "navy", "fuzzy")),
                extractor.extract("navy bleu"), "a phrase with a typo in one word");
        assertEquals(List.of(new Entity("category", "snaekerz", 0, 8, "sneakers", "fuzzy")),
                extractor.extract("snaekerz"), "distance 2 is allowed for words of 8+ letters");
    }

    @Test
    void typoLimitsAndExclusions() {
        assertEquals(List.of(), extractor.extract("bloo"), "distance 2 on a 4-letter word");
        assertEquals(List.of(), extractor.extract("sneekrs"), "distance 2 when the shorter word has 7 letters");
        assertEquals(List.of(), extractor.extract("rad"), "words under 4 letters never match fuzzily");
        assertEquals(List.of(), extractor.extract("adiddas"), "brand is not a fuzzy definition");
        assertEquals(List.of(new Entity("color", "black", 0, 5, "black", "lookup")), extractor.extract("black"),
                "a known word is itself, not a typo of another (block)");
        DictionaryEntityExtractor brands = new DictionaryEntityExtractor(List.of(FUZZY_BRAND));
        assertEquals(List.of(), brands.extract("I like it, where are they"), "'like' is an everyday word");
        assertEquals(List.of(new Entity("brand", "nkie", 4, 8, "Nike", "fuzzy")), brands.extract("any nkie?"));
        assertEquals(List.of(), brands.extract("van5"), "words with digits are never typos");
    }

    @Test
    void regexEntitiesAndBuiltInContacts() {
        assertEquals(List.of(new Entity("order_number", "PA-482913", 9, 18, "PA-482913", "regex")),
                extractor.extract("where is PA-482913?"));
        List<Entity> contacts = extractor.extract("mail Jane.Doe@Example.COM or call +44 7700 900123, "
                + "or (415) 555-0132.");
        assertEquals(List.of(new Entity("email", "Jane.Doe@Example.COM", 5, 25, "jane.doe@example.com", "regex"),
                new Entity("phone_number", "+44 7700 900123", 34, 49, "+447700900123", "regex"),
                new Entity("phone_number", "(415) 555-0132", 54, 68, "4155550132", "regex")), contacts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order PA-482913", "on 2024-05-01", "on 01.05.2024", "it costs 19.99", "size 10 or 11",
            "3 or 4 pairs", "version 1.2.3.4", "123456"})
    void numbersThatAreNotPhoneNumbers(String text) {
        assertTrue(extractor.extract(text).stream().noneMatch(e -> e.type().equals("phone_number")),
                () -> text + " -> " + extractor.extract(text));
    }

    @Test
    void aDefinedRegexBeatsABuiltInOnTheSameSpan() {
        DictionaryEntityExtractor accounts = new DictionaryEntityExtractor(List.of(new EntityDefinition(
                "account_number", List.of(), Map.of(), List.of("\\b\\d{10}\\b"), false)));
        assertEquals(List.of(new Entity("account_number", "4155550132", 4, 14, "4155550132", "regex")),
                accounts.extract("acc 4155550132"));
    }

    @Test
    void withoutDefinitionsOnlyBuiltInsAreFound() {
        DictionaryEntityExtractor none = new DictionaryEntityExtractor(List.of());
        assertEquals(List.of(), none.extract("red sneakers"));
        assertEquals(List.of("email"), none.extract("a@b.co").stream().map(Entity::type).toList());
        assertEquals(List.of(), none.extract(""));
    }

    @Test
    void anInvalidRegexNamesItsEntity() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DictionaryEntityExtractor(List.of(new EntityDefinition("x", List.of(), Map.of(),
                        List.of("(a"), false))));
        assertTrue(error.getMessage().startsWith("entity 'x': invalid regex '(a': "), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"what's new", "I'm looking for a coat", "let's see", "WHAT'S THE PRICE", "I'M HERE",
            "it\u2019s late", "we'll go", "L'Oreal cream", "XL's sleeves", "what'S up"})
    void shortValuesNeverMatchALetterAnApostropheJoinsToAWord(String text) {
        assertEquals(List.of(), sizes.extract(text), text);
    }

    @Test
    void oneLetterValuesMatchOnlyAsWrittenAndStandingAlone() {
        assertEquals(List.of(new Entity("size", "M", 5, 6, "M", "lookup")), sizes.extract("size M"));
        assertEquals(List.of(new Entity("size", "M", 7, 8, "M", "lookup")), sizes.extract("I'm an M"));
        assertEquals(List.of(new Entity("size", "M", 7, 8, "M", "lookup")), sizes.extract("I'M AN M"));
        assertEquals(List.of(new Entity("size", "M", 0, 1, "M", "lookup")), sizes.extract("M please"));
        assertEquals(List.of(new Entity("size", "S", 15, 16, "S", "lookup"),
                new Entity("size", "M", 24, 25, "M", "lookup")), sizes.extract("I'm between an S and an M"));
        assertEquals(List.of(new Entity("size", "M", 7, 8, "M", "lookup")), sizes.extract("in an 'M'?"),
                "an apostrophe used as a quote joins nothing");
        assertEquals(List.of(), sizes.extract("it is 5 m long and weighs 3 l"), "lower-case letters are not sizes");
        assertEquals(List.of(new Entity("size", "xl", 3, 5, "XL", "lookup"),
                        new Entity("size", "Medium", 9, 15, "M", "synonym")), sizes.extract("an xl or Medium"),
                "two-letter values and longer synonyms still ignore case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cost", "costs", "chat", "cats", "sold", "cold", "hold", "real", "team", "live", "link",
            "pick", "mind", "dream", "foot", "shorts", "good", "tell"})
    void everydayWordsAreNeverTyposOfAValue(String word) {
        String text = "how much does it " + word + " now";
        assertEquals(List.of(), shop.extract(text), () -> text + " -> " + shop.extract(text));
    }

    @ParameterizedTest
    @CsvSource({"bleu, blue", "creem, cream", "mnit, mint", "jackest, jackets", "olvie, olive", "ccoat, jackets",
            "shirst, shirts"})
    void typosThatAreNotWordsStillMatch(String typo, String value) {
        List<Entity> found = shop.extract("a " + typo + " one");
        assertEquals(1, found.size(), () -> typo + " -> " + found);
        assertEquals(List.of(typo, value, "fuzzy"), List.of(found.get(0).text(), found.get(0).value(),
                found.get(0).source()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vlue", "xint", "lolive", "tream"})
    void aTypoMustKeepTheFirstLetter(String typo) {
        assertEquals(List.of(), shop.extract(typo), () -> typo + " -> " + shop.extract(typo));
    }

    @Test
    void regexMatchesAreNormalisedByTheirDefinition() {
        EntityDefinition orderNumber = new EntityDefinition("order_number", List.of(), Map.of(),
                List.of("(?i)\\bPA[- ]?\\d{6}\\b"), false, new ValueNormalization(LetterCase.UPPER,
                List.of(new Replacement("^PA[- ]?", "PA-"))));
        EntityDefinition coupon = new EntityDefinition("coupon_code", List.of("SAVE10"), Map.of(),
                List.of("(?i)\\bSAVE\\d{1,3}\\b"), false, new ValueNormalization(LetterCase.UPPER, List.of()));
        EntityDefinition shoeSize = new EntityDefinition("size", List.of(), Map.of(),
                List.of("(?<=EU )(\\d{2})[.,](\\d)"), false, new ValueNormalization(LetterCase.AS_WRITTEN,
                List.of(new Replacement("(\\d+),(\\d)", "$1.$2"))));
        DictionaryEntityExtractor normalising = new DictionaryEntityExtractor(List.of(orderNumber, coupon, shoeSize));
        for (String written : List.of("pa 661208", "pa-661208", "PA661208", "Pa-661208")) {
            assertEquals(List.of(new Entity("order_number", written, 6, 6 + written.length(), "PA-661208", "regex")),
                    normalising.extract("order " + written + "?"), written);
        }
        assertEquals(List.of(new Entity("coupon_code", "save10", 4, 10, "SAVE10", "regex"),
                        new Entity("coupon_code", "Save15", 15, 21, "SAVE15", "regex")),
                normalising.extract("use save10 and Save15"), "a definition's regex beats its lookup, normalised");
        assertEquals("42.5", normalising.extract("EU 42,5").get(0).value());
        assertEquals(List.of(), extractor.extract("order pa-482913"), "without (?i) a regex is case-sensitive");
    }
}
