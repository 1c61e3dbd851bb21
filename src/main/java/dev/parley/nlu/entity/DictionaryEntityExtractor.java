package dev.parley.nlu.entity;

import dev.parley.nlu.Entity;
import dev.parley.nlu.data.EntityDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the entities written in {@code intents/} entity definitions: regexes (plus built-in {@code email} and
 * {@code phone_number}), lookup values and synonyms, normalised to their canonical value (a regex match through
 * the definition's {@code normalize}). Lookups match whole words and phrases, case-insensitively, except short
 * values: a one- or two-character value only matches a word that no apostrophe joins to another (the "s" of
 * "what's" is not size S), and a one-letter value only as written ("M", not "m"). For definitions marked
 * {@code fuzzy}, words of 4+ letters also match with a small typo (see {@link FuzzyVocabulary}), unless the word
 * is itself an English word ({@link CommonWords}: "cost" is not a typo of "coat"). When matches overlap, the
 * longest wins; on a tie a definition's regex beats a lookup, which beats a built-in regex, which beats a fuzzy
 * match. Everything is precomputed, so a message costs a word split, a few hash lookups and one scan per regex.
 * Thread-safe once built.
 */
public final class DictionaryEntityExtractor {

    static final String REGEX = "regex";
    static final String LOOKUP = "lookup";
    static final String SYNONYM = "synonym";
    static final String FUZZY = "fuzzy";

    private static final int DEFINED_REGEX = 0;
    private static final int EXACT = 1;
    private static final int BUILT_IN = 2;
    private static final int TYPO = 3;

    /** Values this short are also common word fragments ("s", "m", "ll", "re"): they must stand alone. */
    private static final int SHORT_VALUE = 2;

    /**
     * @param standalone only a word that no apostrophe joins to another matches (short one-word values)
     * @param written    for a one-letter value: the only spelling that matches (null: any case)
     */
    private record Phrase(String[] words, String type, String canonical, String source, boolean fuzzy, int order,
                          boolean standalone, String written) {

        boolean acceptsExactly(Word word) {
            return !(standalone && word.elided()) && (written == null || written.equals(word.text()));
        }
    }

    private record TypedPattern(String type, Pattern pattern, ValueNormalizer normalizer, int order) {
    }

    private record Candidate(int start, int end, String type, String value, String source, int priority,
                             int order) {
        int length() {
            return end - start;
        }

        boolean overlaps(Candidate other) {
            return start < other.end && other.start < end;
        }
    }

    private static final Comparator<Candidate> PREFERRED = Comparator.comparingInt(Candidate::length).reversed()
            .thenComparingInt(Candidate::priority).thenComparingInt(Candidate::start)
            .thenComparingInt(Candidate::order);

    private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();
    private final Set<String> knownWords = new HashSet<>();
    private final FuzzyVocabulary fuzzyVocabulary;
    private final List<TypedPattern> patterns = new ArrayList<>();

    public DictionaryEntityExtractor(List<EntityDefinition> definitions) {
        Set<String> seen = new HashSet<>();
        Set<String> fuzzyWords = new HashSet<>();
        int order = 0;
        for (EntityDefinition definition : definitions) {
            // synonyms first: a phrase listed both as a variant and as a lookup value maps to the canonical value
            for (Map.Entry<String, List<String>> synonym : new TreeMap<>(definition.synonyms()).entrySet()) {
                for (String variant : synonym.getValue()) {
                    order = add(definition, variant, synonym.getKey(), SYNONYM, order, seen, fuzzyWords);
                }
            }
            for (String canonical : new TreeMap<>(definition.synonyms()).keySet()) {
                order = add(definition, canonical, canonical, LOOKUP, order, seen, fuzzyWords);
            }
            for (String value : definition.lookup()) {
                order = add(definition, value, value, LOOKUP, order, seen, fuzzyWords);
            }
            ValueNormalizer normalizer = new ValueNormalizer(definition.normalize());
            for (String regex : definition.regexes()) {
                patterns.add(new TypedPattern(definition.name(), compile(definition.name(), regex), normalizer,
                        order++));
            }
        }
        fuzzyVocabulary = new FuzzyVocabulary(fuzzyWords);
    }

    private int add(EntityDefinition definition, String surface, String canonical, String source, int order,
                    Set<String> seen, Set<String> fuzzyWords) {
        List<Word> parts = Word.split(surface);
        String[] words = parts.stream().map(Word::lower).toArray(String[]::new);
        if (words.length == 0 || !seen.add(definition.name() + '\u0000' + String.join(" ", words))) {
            return order;
        }
        boolean standalone = words.length == 1 && words[0].length() <= SHORT_VALUE;
        String exactSpelling = words.length == 1 && words[0].length() == 1 && Character.isLetter(words[0].charAt(0))
                ? parts.get(0).text() : null;
        phrasesByFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>()).add(new Phrase(words,
                definition.name(), canonical, source, definition.fuzzy(), order, standalone, exactSpelling));
        knownWords.addAll(List.of(words));
        if (definition.fuzzy()) {
            fuzzyWords.addAll(List.of(words));
        }
        return order + 1;
    }

    private static Pattern compile(String type, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("entity '" + type + "': invalid regex '" + regex + "': "
                    + e.getDescription(), e);
        }
    }

    /** The entities in {@code text}, in text order, never overlapping. */
    public List<Entity> extract(String text) {
        List<Candidate> candidates = new ArrayList<>();
        addPatternMatches(text, candidates);
        addPhraseMatches(Word.split(text), candidates);
        candidates.sort(PREFERRED);
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (chosen.stream().noneMatch(candidate::overlaps)) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::start));
        return chosen.stream().map(c -> new Entity(c.type, text.substring(c.start, c.end), c.start, c.end, c.value,
                c.source)).toList();
    }

    private void addPatternMatches(String text, List<Candidate> candidates) {
        for (TypedPattern typed : patterns) {
            Matcher match = typed.pattern.matcher(text);
            while (match.find()) {
                if (match.end() > match.start()) {
                    candidates.add(new Candidate(match.start(), match.end(), typed.type,
                            typed.normalizer.apply(match.group()), REGEX, DEFINED_REGEX, typed.order));
                }
            }
        }
        if (text.indexOf('@') >= 0) {
            Matcher email = ContactPatterns.EMAIL_PATTERN.matcher(text);
            while (email.find()) {
                candidates.add(new Candidate(email.start(), email.end(), ContactPatterns.EMAIL,
                        ContactPatterns.emailValue(email.group()), REGEX, BUILT_IN, Integer.MAX_VALUE));
            }
        }
        if (!ContactPatterns.mayHoldPhoneNumber(text)) {
            return;
        }
        Matcher phone = ContactPatterns.PHONE_PATTERN.matcher(text);
        while (phone.find()) {
            ContactPatterns.phoneValue(phone).ifPresent(value -> candidates.add(new Candidate(phone.start(),
                    phone.end(), ContactPatterns.PHONE_NUMBER, value, REGEX, BUILT_IN, Integer.MAX_VALUE)));
        }
    }

    private void addPhraseMatches(List<Word> words, List<Candidate> candidates) {
        List<List<String>> typos = typoReadings(words);
        for (int i = 0; i < words.size(); i++) {
            matchPhrasesAt(words, typos, i, words.get(i).lower(), false, candidates);
            for (String reading : typos.get(i)) {
                matchPhrasesAt(words, typos, i, reading, true, candidates);
            }
        }
    }

    /** For each word, the fuzzy-vocabulary words it may be a typo of (none for known and everyday words). */
    private List<List<String>> typoReadings(List<Word> words) {
        List<List<String>> readings = new ArrayList<>(words.size());
        for (Word word : words) {
            String lower = word.lower();
            boolean eligible = lower.length() >= FuzzyVocabulary.MIN_LENGTH && !knownWords.contains(lower)
                    && !CommonWords.contains(lower) && lower.chars().noneMatch(Character::isDigit);
            readings.add(eligible ? fuzzyVocabulary.near(lower) : List.of());
        }
        return readings;
    }

    private void matchPhrasesAt(List<Word> words, List<List<String>> typos, int first, String firstWord,
                                boolean firstIsTypo, List<Candidate> candidates) {
        List<Phrase> phrases = phrasesByFirstWord.get(firstWord);
        if (phrases == null) {
            return;
        }
        for (Phrase phrase : phrases) {
            if (firstIsTypo ? !phrase.fuzzy : !phrase.acceptsExactly(words.get(first))) {
                continue;
            }
            int last = first + phrase.words.length - 1;
            if (last >= words.size()) {
                continue;
            }
            boolean typo = firstIsTypo;
            boolean matches = true;
            for (int k = 1; k < phrase.words.length && matches; k++) {
                String expected = phrase.words[k];
                if (!expected.equals(words.get(first + k).lower())) {
                    matches = phrase.fuzzy && typos.get(first + k).contains(expected);
                    typo = true;
                }
            }
            if (matches) {
                candidates.add(new Candidate(words.get(first).start(), words.get(last).end(), phrase.type,
                        phrase.canonical, typo ? FUZZY : phrase.source, typo ? TYPO : EXACT, phrase.order));
            }
        }
    }
}
