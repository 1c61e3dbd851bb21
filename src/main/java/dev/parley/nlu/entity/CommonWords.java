package dev.parley.nlu.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * English words that are never typos of an entity value: a word people really write is meant as itself, so
 * "cost" is not a typo of "coat", nor "shorts" of "shirts" or "mind" of "mint". The list
 * ({@code classpath:nlu/common-english-words.txt}, about 25,000 words of 4+ letters, from
 * {@code scripts/common-english-words}) keeps dictionary words, names included ("greek", "mike"), that occur in a
 * 1.5-million-word corpus of news, conversation and web text; rarer forms such as "parkas" or "linens" stay open
 * to typo matching. Only words of four letters or more matter (shorter words are never fuzzy-matched).
 */
final class CommonWords {

    static final String RESOURCE = "nlu/common-english-words.txt";

    private static final Set<String> WORDS = load();

    private CommonWords() {
    }

    static boolean contains(String lowerWord) {
        return WORDS.contains(lowerWord);
    }

    private static Set<String> load() {
        InputStream in = CommonWords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("classpath:" + RESOURCE + " is missing from the build");
        }
        Set<String> words = new HashSet<>(32_768);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
        }
        return Set.copyOf(words);
    }
}
