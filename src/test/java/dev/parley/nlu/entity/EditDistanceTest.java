package dev.parley.nlu.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EditDistanceTest {

    @ParameterizedTest
    @CsvSource({
            "blue, blue, 0", "bleu, blue, 1", "blu, blue, 1", "bluee, blue, 1", "glue, blue, 1", "bloo, blue, 2",
            "sneekers, sneakers, 1", "snaekerz, sneakers, 2", "ca, abc, 3", "'', abc, 3", "kitten, sitting, 3"})
    void damerauLevenshteinWithAdjacentSwaps(String a, String b, int expected) {
        assertEquals(expected, EditDistance.bounded(a, b, 10));
        assertEquals(expected, EditDistance.bounded(b, a, 10));
        assertEquals(Math.min(expected, 2), EditDistance.bounded(a, b, 1), "stops at max + 1");
    }

    @ParameterizedTest
    @CsvSource({"bleu, blue", "sneekers, sneakers", "snaekerz, sneakers", "sneakrs, sneakers", "nkie, nike",
            "lbue, blue", "snadals, sandals", "asndals, sandals", "nseakres, sneakers"})
    void fuzzyVocabularyFindsWordsWithinTheAllowedDistance(String typo, String word) {
        FuzzyVocabulary vocabulary = new FuzzyVocabulary(List.of(word, "glue", "black", "block", "sandals"));
        assertEquals(List.of(word), vocabulary.near(typo));
    }

    @ParameterizedTest
    @CsvSource({"bloo", "sneekrs", "blu", "blue", "sandles1x", "glue", "xlue", "lbeu", "xsandals", "asandals"})
    void fuzzyVocabularyRejectsTheRest(String typo) {
        FuzzyVocabulary vocabulary = new FuzzyVocabulary(List.of("blue", "sneakers", "sandals"));
        assertEquals(List.of(), vocabulary.near(typo));
    }
}
