package dev.parley.nlu.cli;

import dev.parley.nlu.classify.IntentModel;
import dev.parley.nlu.data.TrainingData;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.io.PrintStream;

/** {@code nlu train}: obtaining the model bean trains it unless the cache already holds one for this data. */
@Singleton
class NluTraining {

    private final TrainingData data;
    private final BeanProvider<IntentModel> model;

    NluTraining(TrainingData data, BeanProvider<IntentModel> model) {
        this.data = data;
        this.model = model;
    }

    int train(PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        IntentModel trained = model.get();
        err.printf("intents: %d, examples: %d%n", data.intents().size(), data.labeledExamples().size());
        out.printf("{\"intents\": %d, \"examples\": %d, \"seconds\": %.1f, \"temperature\": %.4f,"
                        + " \"out_of_scope_threshold\": %.4f, \"ambiguity_margin\": %.4f, \"held_out\": \"%s\"}%n",
                data.intents().size(), data.labeledExamples().size(), (System.nanoTime() - start) / 1e9,
                trained.temperature(), trained.thresholds().outOfScope(), trained.thresholds().ambiguityMargin(),
                trained.thresholds().heldOut());
        return 0;
    }
}
