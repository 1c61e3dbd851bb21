package dev.parley.nlu.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word of a message: a run of letters or digits, lower-cased, with its span in the original text. Everything
 * else separates words, so "T-shirt", "t shirt" and "t-shirt!" all give the words {@code t}, {@code shirt}.
 */
record Word(String lower, int start, int end) {

    static List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(new Word(text.substring(start, i).toLowerCase(Locale.ROOT), start, i));
            }
        }
        return words;
    }

    /** The lower-cased words of a dictionary phrase. */
    static String[] phrase(String text) {
        return split(text).stream().map(Word::lower).toArray(String[]::new);
    }
}
