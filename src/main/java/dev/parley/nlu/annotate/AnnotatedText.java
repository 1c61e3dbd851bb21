package dev.parley.nlu.annotate;

import dev.parley.nlu.Sentiment;

import java.util.List;

/**
 * What CoreNLP found in a message: tokens with lemmas and tags, named-entity mentions, and sentiment (neutral when
 * the sentiment annotator is off).
 */
public record AnnotatedText(String text, List<Token> tokens, List<Mention> mentions, Sentiment sentiment) {

    public AnnotatedText {
        tokens = List.copyOf(tokens);
        mentions = List.copyOf(mentions);
    }

    /** @param begin character offset (inclusive) @param end character offset (exclusive) */
    public record Token(String word, String lemma, String pos, int begin, int end) {
    }

    /** A named-entity mention: CoreNLP type (PERSON, MONEY, DATE...), span and normalised value when known. */
    public record Mention(String type, String text, int begin, int end, String normalized) {
    }

    public List<String> lemmas() {
        return tokens.stream().map(Token::lemma).toList();
    }
}
