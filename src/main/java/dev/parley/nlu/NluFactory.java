package dev.parley.nlu;

import dev.parley.nlu.annotate.CoreNlpAnnotator;
import dev.parley.nlu.classify.IntentModel;
import dev.parley.nlu.classify.IntentModelStore;
import dev.parley.nlu.classify.IntentTrainer;
import dev.parley.nlu.classify.TextEncoder;
import dev.parley.nlu.classify.Thresholds;
import dev.parley.nlu.data.IntentsLoader;
import dev.parley.nlu.data.LabeledText;
import dev.parley.nlu.data.TrainingData;
import dev.parley.nlu.embed.EmbeddingCache;
import dev.parley.nlu.embed.EmbeddingModels;
import dev.parley.nlu.embed.SentenceEmbedder;
import dev.parley.nlu.entity.EntityExtractor;
import dev.parley.nlu.entity.MessageEntityExtractor;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Wires the NLU pipeline: training data from intents/, the intent model (loaded from the cache by content hash,
 * else trained now), CoreNLP and the embedding model.
 */
@Factory
public class NluFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NluFactory.class);

    @Singleton
    TrainingData trainingData(NluConfiguration configuration) {
        return IntentsLoader.load(configuration.intentsDir());
    }

    /** Serving embedder: an in-memory cache in front, so repeated messages (greetings, quick replies) are free. */
    @Singleton
    @Named("serving")
    SentenceEmbedder servingEmbedder(NluConfiguration configuration) {
        return new SentenceEmbedder(EmbeddingModels.named(configuration.embeddingModel()), EmbeddingCache.inMemory(configuration.embeddingCacheSize()));
    }

    /** Training embedder: also persisted next to the models, so retraining re-embeds only new examples. */
    @Singleton
    @Named("training")
    SentenceEmbedder trainingEmbedder(NluConfiguration configuration) {
        return new SentenceEmbedder(EmbeddingModels.named(configuration.embeddingModel()),
                EmbeddingCache.persistent(1_000_000, configuration.modelCacheDir(), configuration.embeddingModel()));
    }

    @Singleton
    IntentTrainer.Settings trainerSettings(NluConfiguration configuration) {
        IntentTrainer.Settings defaults = IntentTrainer.Settings.defaults();
        return new IntentTrainer.Settings(configuration.epochs(), defaults.learningRate(), defaults.l2(),
                defaults.folds(), configuration.rejectionBudget(), configuration.ambiguityBudget(),
                defaults.balanceClasses(), defaults.seeds());
    }

    @Singleton
    IntentModel intentModel(TrainingData data, NluConfiguration configuration, IntentTrainer.Settings settings,
                            @Named("training") SentenceEmbedder embedder) {
        List<LabeledText> rows = data.labeledExamples();
        IntentModelStore store = new IntentModelStore(configuration.modelCacheDir());
        String key = IntentModelStore.key(rows, settings, configuration.embeddingModel());
        IntentModel model = store.loadOrTrain(key, () -> {
            LOG.info("Training the intent model on {} examples of {} intents", rows.size(), data.intents().size());
            TextEncoder encoder = new TextEncoder(new CoreNlpAnnotator(CoreNlpAnnotator.Profile.LEXICAL), embedder);
            return new IntentTrainer(settings, LOG::info)
                    .train(encoder.encode(rows, "intents", LOG::debug), null, configuration.embeddingModel())
                    .withEmbeddingModel(configuration.embeddingModel());
        });
        return withOverrides(model, configuration);
    }

    @Singleton
    EntityExtractor entityExtractor(TrainingData data) {
        return new MessageEntityExtractor(data.entities());
    }

    /** Loaded with the context (models take seconds), so the first message is not the one that waits. */
    @Context
    @Bean(preDestroy = "close")
    NluService nluService(IntentModel model, EntityExtractor entities, NluConfiguration configuration,
                          @Named("serving") SentenceEmbedder embedder) {
        CoreNlpAnnotator annotator = new CoreNlpAnnotator(configuration.servingProfile()).warmUp();
        return new NluService(annotator, embedder, model, entities, configuration.maxTextLength());
    }

    static IntentModel withOverrides(IntentModel model, NluConfiguration configuration) {
        if (configuration.outOfScopeThreshold() == null && configuration.ambiguityMargin() == null) {
            return model;
        }
        Thresholds learned = model.thresholds();
        return model.withThresholds(new Thresholds(
                configuration.outOfScopeThreshold() != null ? configuration.outOfScopeThreshold() : learned.outOfScope(),
                configuration.ambiguityMargin() != null ? configuration.ambiguityMargin() : learned.ambiguityMargin(),
                learned.rejectionBudget(), "configuration"));
    }
}
