package dev.parley.nlu;

import dev.parley.nlu.annotate.CoreNlpAnnotator;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * {@code parley.nlu.*} settings.
 *
 * @param intentsDir             the intents/ folder the model is trained from
 * @param modelCacheDir          where trained models (by content hash) and cached embeddings live
 * @param maxTextLength          longest message accepted, in characters
 * @param outOfScopeThreshold    overrides the learned out-of-scope threshold when set
 * @param ambiguityMargin        overrides the learned ambiguity margin when set
 * @param rejectionBudget        share of in-scope held-out messages the learned threshold may reject
 * @param ambiguityBudget        share of accepted held-out messages the ambiguity flag may mark
 * @param epochs                 training epochs of the intent classifier
 * @param embeddingCacheSize     texts whose embeddings are kept in memory while serving
 * @param embeddingModel         the sentence embedding model (see {@link dev.parley.nlu.embed.EmbeddingModels})
 * @param dates                  recognise dates, times and durations (CoreNLP SUTime): off by default, as nothing
 *                               consumes them yet and they cost about as much as the rest of the annotation
 */
@ConfigurationProperties("parley.nlu")
public record NluConfiguration(
        @Bindable(defaultValue = "intents") Path intentsDir,
        @Bindable(defaultValue = ".parley/models") Path modelCacheDir,
        @Bindable(defaultValue = "2000") int maxTextLength,
        @Nullable Double outOfScopeThreshold,
        @Nullable Double ambiguityMargin,
        @Bindable(defaultValue = "0.02") double rejectionBudget,
        @Bindable(defaultValue = "0.05") double ambiguityBudget,
        @Bindable(defaultValue = "20") int epochs,
        @Bindable(defaultValue = "10000") int embeddingCacheSize,
        @Bindable(defaultValue = "all-minilm-l6-v2") String embeddingModel,
        @Bindable(defaultValue = "false") boolean dates) {

    /** The CoreNLP profile live messages are annotated with. */
    public CoreNlpAnnotator.Profile servingProfile() {
        return dates ? CoreNlpAnnotator.Profile.FULL_WITH_DATES : CoreNlpAnnotator.Profile.FULL;
    }
}
