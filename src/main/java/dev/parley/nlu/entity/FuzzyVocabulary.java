package dev.parley.nlu.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that may be matched despite a typo, indexed by their deletion variants (symmetric delete): a query
 * generates its own few deletions and looks them up, instead of measuring the distance to every word. A pair is
 * accepted when its Damerau-Levenshtein distance is at most 1 (shorter word 4-7 letters) or 2 (8 or more) and it
 * starts alike: same first letter, or the first two letters swapped ("nkie" for "nike"). People rarely mistype the
 * first letter, while a different first letter is how most everyday words neighbour a value (live/olive,
 * dream/cream, real/teal).
 */
final class FuzzyVocabulary {

    static final int MIN_LENGTH = 4;

    private final Map<String, List<String>> wordsByDeletion = new HashMap<>();

    FuzzyVocabulary(Collection<String> words) {
        for (String word : new LinkedHashSet<>(words)) {
            if (word.length() >= MIN_LENGTH) {
                for (String variant : deletions(word, maxEdits(word.length()))) {
                    wordsByDeletion.computeIfAbsent(variant, k -> new ArrayList<>(1)).add(word);
                }
            }
        }
    }

    static int maxEdits(int length) {
        return length < MIN_LENGTH ? 0 : length < 8 ? 1 : 2;
    }

    /** Vocabulary words within the allowed distance of {@code word}, other than {@code word} itself. */
    List<String> near(String word) {
        if (word.length() < MIN_LENGTH) {
            return List.of();
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (String variant : deletions(word, maxEdits(word.length()))) {
            List<String> found = wordsByDeletion.get(variant);
            if (found != null) {
                candidates.addAll(found);
            }
        }
        List<String> near = new ArrayList<>(candidates.size());
        for (String candidate : candidates) {
            int allowed = maxEdits(Math.min(word.length(), candidate.length()));
            if (!candidate.equals(word) && startsAlike(word, candidate, allowed)
                    && EditDistance.bounded(word, candidate, allowed) <= allowed) {
                near.add(candidate);
            }
        }
        return near;
    }

    /** Same first letter, or a swap of the first two (which spends one of the allowed edits). */
    private static boolean startsAlike(String a, String b, int allowed) {
        return a.charAt(0) == b.charAt(0) || a.charAt(0) == b.charAt(1) && a.charAt(1) == b.charAt(0)
                && EditDistance.bounded(a.substring(2), b.substring(2), allowed - 1) <= allowed - 1;
    }

    /** The word and every string made by deleting up to {@code edits} of its characters. */
    private static Set<String> deletions(String word, int edits) {
        Set<String> all = new HashSet<>();
        all.add(word);
        Set<String> frontier = Set.of(word);
        for (int e = 0; e < edits; e++) {
            Set<String> next = new HashSet<>();
            for (String w : frontier) {
                for (int i = 0; i < w.length(); i++) {
                    next.add(w.substring(0, i) + w.substring(i + 1));
                }
            }
            all.addAll(next);
            frontier = next;
        }
        return all;
    }
}
