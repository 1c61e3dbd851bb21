package dev.parley.nlu.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word of a message: a run of letters or digits, as written and lower-cased, with its span in the original text.
 * Everything else separates words, so "T-shirt", "t shirt" and "t-shirt!" all give the words {@code t},
 * {@code shirt}.
 *
 * @param elided whether an apostrophe joins the word to a neighbouring word: the "s" of "what's", the "m" of
 *               "I'm", the "l" of "l'eau" (an apostrophe used as a quote, as in "size 'M'", joins nothing)
 */
record Word(String text, String lower, int start, int end, boolean elided) {

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
                String written = text.substring(start, i);
                boolean elided = isApostrophe(text, start - 1) && isLetterOrDigit(text, start - 2)
                        || isApostrophe(text, i) && isLetterOrDigit(text, i + 1);
                words.add(new Word(written, written.toLowerCase(Locale.ROOT), start, i, elided));
            }
        }
        return words;
    }

    private static boolean isApostrophe(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    private static boolean isLetterOrDigit(String text, int index) {
        return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
    }
}
