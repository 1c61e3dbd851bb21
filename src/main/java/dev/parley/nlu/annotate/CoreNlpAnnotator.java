package dev.parley.nlu.annotate;

import dev.parley.nlu.Sentiment;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs Stanford CoreNLP over a message. Profiles: {@link Profile#LEXICAL} (tokens, POS, lemmas: what training
 * needs, ~1 ms), {@link Profile#FULL} (adds NER and sentiment for live messages) and
 * {@link Profile#FULL_WITH_DATES} (adds SUTime's DATE / TIME / DURATION, {@code parley.nlu.dates}).
 *
 * <p>Model choices, measured in BENCHMARKS.md: NER uses the 3-class CRF plus CoreNLP's numeric classifiers
 * (MONEY, NUMBER, PERCENT, ORDINAL), without the default 7-class and MISC models or the fine-grained regexner
 * (those cost ~800 MB heap and ~25 ms a message for types a shop does not need). SUTime is off unless asked for:
 * its rule engine was about half of all annotation time under load, and no slot or action takes a date yet. Sentiment
 * runs CoreNLP's sentiment model without the PCFG parse it usually needs (see {@link SentimentScorer}).
 *
 * <p>Pipelines are shared per profile across the JVM: loading costs seconds and hundreds of MB, and a loaded
 * {@link StanfordCoreNLP} is thread-safe and immutable, so each application context (and each test) reuses it.
 */
public final class CoreNlpAnnotator {

    public enum Profile { LEXICAL, FULL, FULL_WITH_DATES }

    private static final Map<Profile, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();

    private final Profile profile;
    private final SentimentScorer sentiment = new SentimentScorer();

    public CoreNlpAnnotator(Profile profile) {
        this.profile = profile;
    }

    public Profile profile() {
        return profile;
    }

    /** Loads the models now rather than on the first message. */
    public CoreNlpAnnotator warmUp() {
        annotate("Warm up the pipeline for 2 red shoes in Paris tomorrow.");
        return this;
    }

    public AnnotatedText annotate(String text) {
        Annotation document = new Annotation(text);
        pipeline(profile).annotate(document);
        List<AnnotatedText.Token> tokens = new ArrayList<>();
        for (CoreLabel token : document.get(CoreAnnotations.TokensAnnotation.class)) {
            String lemma = token.lemma() == null ? token.word() : token.lemma();
            tokens.add(new AnnotatedText.Token(token.word(), lemma.toLowerCase(Locale.ROOT), token.tag(),
                    token.beginPosition(), token.endPosition()));
        }
        if (profile == Profile.LEXICAL) {
            return new AnnotatedText(text, tokens, List.of(), Sentiment.NEUTRAL);
        }
        return new AnnotatedText(text, tokens, mentions(document),
                sentiment.score(document.get(CoreAnnotations.SentencesAnnotation.class)));
    }

    private static List<AnnotatedText.Mention> mentions(Annotation document) {
        List<AnnotatedText.Mention> mentions = new ArrayList<>();
        List<CoreMap> found = document.get(CoreAnnotations.MentionsAnnotation.class);
        if (found == null) {
            return mentions;
        }
        for (CoreMap mention : found) {
            String normalized = mention.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            mentions.add(new AnnotatedText.Mention(mention.get(CoreAnnotations.NamedEntityTagAnnotation.class),
                    mention.get(CoreAnnotations.TextAnnotation.class),
                    mention.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    mention.get(CoreAnnotations.CharacterOffsetEndAnnotation.class), normalized));
        }
        return mentions;
    }

    private static StanfordCoreNLP pipeline(Profile profile) {
        return PIPELINES.computeIfAbsent(profile, CoreNlpAnnotator::load);
    }

    private static StanfordCoreNLP load(Profile profile) {
        Properties props = new Properties();
        props.setProperty("tokenize.language", "en");
        props.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
        if (profile == Profile.LEXICAL) {
            props.setProperty("annotators", "tokenize,ssplit,pos,lemma");
            return new StanfordCoreNLP(props);
        }
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        props.setProperty("ner.applyNumericClassifiers", "true");
        props.setProperty("ner.useSUTime", String.valueOf(profile == Profile.FULL_WITH_DATES));
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "true");
        return new StanfordCoreNLP(props);
    }
}
