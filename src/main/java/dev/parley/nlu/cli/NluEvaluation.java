package dev.parley.nlu.cli;

import dev.parley.cli.Arguments;
import dev.parley.cli.UsageException;
import dev.parley.nlu.NluConfiguration;
import dev.parley.nlu.NluResult;
import dev.parley.nlu.NluService;
import dev.parley.nlu.annotate.CoreNlpAnnotator;
import dev.parley.nlu.classify.EncodedText;
import dev.parley.nlu.classify.IntentModel;
import dev.parley.nlu.classify.IntentTrainer;
import dev.parley.nlu.classify.Prediction;
import dev.parley.nlu.classify.TextEncoder;
import dev.parley.nlu.data.DatasetReader;
import dev.parley.nlu.data.LabeledText;
import dev.parley.nlu.data.TrainingData;
import dev.parley.nlu.embed.EmbeddingCache;
import dev.parley.nlu.embed.EmbeddingModels;
import dev.parley.nlu.embed.SentenceEmbedder;
import dev.parley.nlu.entity.EntityExtractor;
import dev.parley.nlu.eval.EvaluationReport;
import dev.parley.nlu.eval.EvaluationRow;
import dev.parley.nlu.eval.EvaluationSummary;
import dev.parley.nlu.eval.IntentEvaluation;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code nlu evaluate}, like {@code rasa test nlu}: trains on one set, tests on another (or cross-validates
 * intents/), writes a report folder and prints one JSON summary as its last line.
 */
@Singleton
class NluEvaluation {

    private static final int DEFAULT_LATENCY_SAMPLE = 1000;
    private static final int WARM_UP = 50;

    private final NluConfiguration configuration;
    private final IntentTrainer.Settings settings;
    private final SentenceEmbedder trainingEmbedder;
    private final TrainingData intents;
    private final EntityExtractor entities;

    NluEvaluation(NluConfiguration configuration, IntentTrainer.Settings settings,
                  @Named("training") SentenceEmbedder trainingEmbedder, TrainingData intents,
                  EntityExtractor entities) {
        this.configuration = configuration;
        this.settings = settings;
        this.trainingEmbedder = trainingEmbedder;
        this.intents = intents;
        this.entities = entities;
    }

    int evaluate(Arguments arguments, PrintStream out, PrintStream err) throws Exception {
        Consumer<String> progress = err::println;
        TextEncoder encoder = new TextEncoder(new CoreNlpAnnotator(CoreNlpAnnotator.Profile.LEXICAL), trainingEmbedder);
        Path report = Path.of(arguments.option("report").orElse("target/nlu-report"));
        List<EvaluationRow> rows;
        double trainSeconds;
        List<String> latencyTexts;
        IntentModel model;
        if (arguments.option("cross-validation").isPresent()) {
            int folds = arguments.intOption("cross-validation", 5);
            List<LabeledText> data = arguments.option("data").map(d -> dev.parley.nlu.data.IntentsLoader
                    .load(Path.of(d)).labeledExamples()).orElse(intents.labeledExamples());
            List<EncodedText> encoded = encoder.encode(data, "data", progress);
            rows = new ArrayList<>();
            long start = System.nanoTime();
            for (int fold = 0; fold < folds; fold++) {
                List<EncodedText> train = new ArrayList<>();
                List<EncodedText> test = new ArrayList<>();
                dev.parley.nlu.classify.IntentTrainer.stratifiedSplit(encoded, folds, fold, train, test);
                progress.accept("cross-validation fold " + (fold + 1) + "/" + folds);
                IntentModel foldModel = new IntentTrainer(settings, progress).train(train, null, configuration.embeddingModel());
                rows.addAll(predict(foldModel, test));
            }
            trainSeconds = (System.nanoTime() - start) / 1e9 / folds;
            model = new IntentTrainer(settings, progress).train(encoded, null, configuration.embeddingModel());
            latencyTexts = data.stream().map(LabeledText::text).toList();
        } else {
            if (arguments.option("train").isEmpty() || arguments.option("test").isEmpty()) {
                throw new UsageException(NluCommand.USAGE);
            }
            List<EncodedText> train = encoder.encode(DatasetReader.read(Path.of(arguments.required("train"))),
                    "train", progress);
            List<EncodedText> valid = arguments.option("valid").isPresent()
                    ? encoder.encode(DatasetReader.read(Path.of(arguments.required("valid"))), "valid", progress)
                    : null;
            List<LabeledText> testRows = DatasetReader.read(Path.of(arguments.required("test")));
            List<EncodedText> test = encoder.encode(testRows, "test", progress);
            long start = System.nanoTime();
            model = new IntentTrainer(settings, progress).train(train, valid, configuration.embeddingModel());
            trainSeconds = (System.nanoTime() - start) / 1e9;
            rows = predict(model, test);
            latencyTexts = testRows.stream().map(LabeledText::text).toList();
        }
        double[] latency = parseLatency(model, latencyTexts,
                arguments.intOption("latency-sample", DEFAULT_LATENCY_SAMPLE), progress);
        IntentEvaluation evaluation = IntentEvaluation.of(rows);
        EvaluationSummary summary = evaluation.summary().withTimings(trainSeconds, latency[0], latency[1]);
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("out_of_scope", model.thresholds().outOfScope());
        thresholds.put("ambiguity_margin", model.thresholds().ambiguityMargin());
        thresholds.put("rejection_budget", model.thresholds().rejectionBudget());
        thresholds.put("held_out", model.thresholds().heldOut());
        thresholds.put("temperature", model.temperature());
        thresholds.put("oos_trained_as_class", model.labels().contains(NluResult.OUT_OF_SCOPE));
        EvaluationReport.write(report, evaluation, summary, thresholds);
        progress.accept("report written to " + report.toAbsolutePath());
        out.println(summary.toJson());
        return 0;
    }

    private static List<EvaluationRow> predict(IntentModel model, List<EncodedText> test) {
        List<EvaluationRow> rows = new ArrayList<>(test.size());
        for (EncodedText row : test) {
            Prediction prediction = model.predict(row.embedding(), row.lemmas());
            rows.add(new EvaluationRow(row.text(), row.intent(), prediction.top().name(),
                    prediction.top().confidence(), prediction.outOfScope()));
        }
        return rows;
    }

    /**
     * Latency of the whole pipeline (CoreNLP with NER and sentiment, embedding, classification, entities), one
     * message at a time after warm-up, on a sample of distinct texts with an empty embedding cache: the figure a
     * live message sees, not a cache hit.
     */
    private double[] parseLatency(IntentModel model, List<String> texts, int sample, Consumer<String> progress) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(texts));
        Collections.shuffle(distinct, new Random(7));
        List<String> warmUp = distinct.subList(0, Math.min(WARM_UP, distinct.size()));
        List<String> measured = distinct.subList(warmUp.size(), Math.min(distinct.size(), warmUp.size() + sample));
        SentenceEmbedder fresh = new SentenceEmbedder(EmbeddingModels.named(configuration.embeddingModel()), EmbeddingCache.inMemory(16));
        NluService service = new NluService(new CoreNlpAnnotator(configuration.servingProfile()), fresh, model,
                entities, configuration.maxTextLength());
        try {
            warmUp.forEach(service::parse);
            double[] millis = new double[measured.size()];
            for (int i = 0; i < measured.size(); i++) {
                long start = System.nanoTime();
                service.parse(measured.get(i));
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            progress.accept("parse latency over " + millis.length + " messages");
            return millis.length == 0 ? new double[]{0, 0}
                    : new double[]{millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1]};
        } finally {
            service.close();
        }
    }
}
