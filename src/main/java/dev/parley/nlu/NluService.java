package dev.parley.nlu;

import dev.parley.nlu.annotate.AnnotatedText;
import dev.parley.nlu.annotate.CoreNlpAnnotator;
import dev.parley.nlu.classify.IntentModel;
import dev.parley.nlu.classify.Prediction;
import dev.parley.nlu.embed.SentenceEmbedder;
import dev.parley.nlu.entity.EntityExtractor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The NLU pipeline: CoreNLP (tokens, lemmas, NER, sentiment) and the sentence embedding run side by side, then the
 * intent model ranks intents with calibrated confidences and flags out-of-scope and ambiguous messages, and the
 * extractors find entities.
 */
public class NluService implements NluPipeline {

    private static final int RANKING_SIZE = 5;

    private final CoreNlpAnnotator annotator;
    private final SentenceEmbedder embedder;
    private final IntentModel model;
    private final EntityExtractor entities;
    private final int maxTextLength;
    // CoreNLP and the embedding each take one core for a few ms; overlapping them halves the latency.
    private final ExecutorService annotation = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "nlu-annotate");
        thread.setDaemon(true);
        return thread;
    });

    public NluService(CoreNlpAnnotator annotator, SentenceEmbedder embedder, IntentModel model,
                      EntityExtractor entities, int maxTextLength) {
        this.annotator = annotator;
        this.embedder = embedder;
        this.model = model;
        this.entities = entities;
        this.maxTextLength = maxTextLength;
    }

    public IntentModel model() {
        return model;
    }

    @Override
    public NluResult parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is empty");
        }
        if (text.length() > maxTextLength) {
            throw new IllegalArgumentException("text is longer than " + maxTextLength + " characters");
        }
        long start = System.nanoTime();
        CompletableFuture<Timed<AnnotatedText>> annotated = CompletableFuture.supplyAsync(
                () -> Timed.of(() -> annotator.annotate(text)), annotation);
        Timed<float[]> embedding = Timed.of(() -> embedder.embed(text));
        Timed<AnnotatedText> annotation = join(annotated);
        long classifyStart = System.nanoTime();
        Prediction prediction = model.predict(embedding.value(), annotation.value().lemmas());
        double classifyMs = (System.nanoTime() - classifyStart) / 1e6;
        long entitiesStart = System.nanoTime();
        List<Entity> found = entities.extract(text, annotation.value());
        double entitiesMs = (System.nanoTime() - entitiesStart) / 1e6;

        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("annotate", round(annotation.millis()));
        timings.put("embed", round(embedding.millis()));
        timings.put("classify", round(classifyMs));
        timings.put("entities", round(entitiesMs));
        timings.put("total", round((System.nanoTime() - start) / 1e6));
        IntentScore top = prediction.top();
        IntentScore intent = prediction.outOfScope()
                ? new IntentScore(NluResult.OUT_OF_SCOPE, round4(1 - top.confidence())) : rounded(top);
        List<IntentScore> ranking = prediction.ranking().stream().limit(RANKING_SIZE).map(NluService::rounded).toList();
        return new NluResult(text, intent, ranking, found, annotation.value().sentiment(), prediction.outOfScope(),
                prediction.ambiguous(), timings);
    }

    public void close() {
        annotation.shutdownNow();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static IntentScore rounded(IntentScore score) {
        return new IntentScore(score.name(), round4(score.confidence()));
    }

    private static double round4(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private record Timed<T>(T value, double millis) {
        static <T> Timed<T> of(java.util.function.Supplier<T> work) {
            long start = System.nanoTime();
            T value = work.get();
            return new Timed<>(value, (System.nanoTime() - start) / 1e6);
        }
    }
}
