package dev.parley.nlu.cli;

import dev.parley.cli.Arguments;
import dev.parley.cli.CliCommand;
import dev.parley.cli.UsageException;
import dev.parley.nlu.data.TrainingData;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.io.PrintStream;
import java.util.List;

/** {@code parley nlu train|parse|evaluate|import}: the NLU from the command line. */
@Singleton
class NluCommand implements CliCommand {

    static final String USAGE = """
            usage:
              parley nlu train                                  train (or load the cached) model from intents/
              parley nlu parse TEXT                             print the full NLU result as JSON
              parley nlu evaluate --train T --test S [--valid V] [--report DIR] [--latency-sample N]
              parley nlu evaluate --cross-validation K [--data DIR] [--report DIR]
              parley nlu entities [--data DIR] [--errors FILE]  entity extraction vs the examples' markup
              parley nlu import --rasa nlu.yml --out intents/imported.yml
            T, S, V: JSONL {"text","intent"} or Rasa nlu.yml; intent "oos" marks out-of-scope rows.""";

    private final BeanProvider<NluTraining> training;
    private final BeanProvider<NluEvaluation> evaluation;
    private final BeanProvider<NluParsing> parsing;
    private final BeanProvider<TrainingData> intents;

    NluCommand(BeanProvider<NluTraining> training, BeanProvider<NluEvaluation> evaluation,
               BeanProvider<NluParsing> parsing, BeanProvider<TrainingData> intents) {
        this.training = training;
        this.evaluation = evaluation;
        this.parsing = parsing;
        this.intents = intents;
    }

    @Override
    public String name() {
        return "nlu";
    }

    @Override
    public String summary() {
        return "train | parse TEXT | evaluate ... | entities | import --rasa FILE --out FILE";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments arguments = Arguments.parse(args);
        if (arguments.positional().isEmpty()) {
            throw new UsageException(USAGE);
        }
        String verb = arguments.positional().get(0);
        return switch (verb) {
            case "train" -> training.get().train(out, err);
            case "parse" -> parsing.get().parse(String.join(" ", arguments.positional().subList(1,
                    arguments.positional().size())), out);
            case "evaluate" -> evaluation.get().evaluate(arguments, out, err);
            case "entities" -> NluEntityEvaluation.run(intents.get(), arguments, out, err);
            case "import" -> NluImport.run(arguments, out);
            default -> throw new UsageException("unknown nlu command: " + verb + "\n" + USAGE);
        };
    }
}
