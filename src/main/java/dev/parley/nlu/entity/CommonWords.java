package dev.parley.nlu.entity;

import java.util.Set;

/**
 * Everyday English words that are never typos of an entity value: without this list, "like" would fuzzy-match a
 * brand "Nike" and "best" a category "vest". Only words of four letters or more matter (shorter words
 * are never fuzzy-matched).
 */
final class CommonWords {

    private static final Set<String> WORDS = Set.of(
            "able", "about", "above", "after", "again", "also", "always", "another", "anything", "away", "back",
            "because", "been", "before", "being", "best", "better", "both", "bought", "bring", "call", "came",
            "cancel", "change", "come", "could", "days", "deal", "does", "doing", "done", "down", "each", "even",
            "ever", "every", "find", "first", "from", "gave", "gets", "give", "going", "gone", "good", "great",
            "have", "having", "hello", "help", "here", "home", "hour", "hours", "into", "just", "keep", "kind", "know",
            "last", "left", "less", "like", "little", "long", "look", "looking", "made", "make", "many",
            "maybe", "mine", "more", "most", "much", "must", "name", "need", "never", "next", "nice", "none", "only",
            "open", "order", "other", "over", "paid", "please", "price", "really", "right", "said", "same",
            "send", "sent", "should", "show", "since", "some", "something", "soon", "still", "such", "sure", "take",
            "tell", "than", "thank", "thanks", "that", "their", "them", "then", "there", "these", "they", "thing",
            "things", "think", "this", "those", "through", "time", "today", "told", "tomorrow", "tried", "trying",
            "very", "wait", "want", "wanted", "week", "well", "went", "were", "what", "when", "where", "which",
            "while", "will", "with", "without", "work", "would", "wrong", "yeah", "year", "your", "yours");

    private CommonWords() {
    }

    static boolean contains(String lowerWord) {
        return WORDS.contains(lowerWord);
    }
}
