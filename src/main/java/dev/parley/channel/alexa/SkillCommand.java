package dev.parley.channel.alexa;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.Arguments;
import dev.parley.cli.CliCommand;
import dev.parley.cli.UsageException;
import dev.parley.nlu.data.TrainingData;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code parley skill export}: writes the Alexa interaction model generated from intents/. */
@Singleton
class SkillCommand implements CliCommand {

    static final String DEFAULT_OUT = "channels/alexa/interaction-model.json";
    static final String USAGE = """
            usage:
              parley skill export [--out FILE] [--invocation-name "parley shop"]
            writes the Alexa interaction model (en-US) from intents/ to FILE (default %s); paste or upload it in
            the Alexa developer console (Build > Interaction Model > JSON Editor) or with the ASK CLI."""
            .formatted(DEFAULT_OUT);

    private final BeanProvider<TrainingData> intents;
    private final AlexaSettings settings;

    SkillCommand(BeanProvider<TrainingData> intents, AlexaSettings settings) {
        this.intents = intents;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "skill";
    }

    @Override
    public String summary() {
        return "export [--out FILE]: the Alexa interaction model from intents/";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments arguments = Arguments.parse(args);
        if (arguments.positional().size() != 1 || !arguments.positional().get(0).equals("export")) {
            throw new UsageException(USAGE);
        }
        Path file = Path.of(arguments.option("out").orElse(DEFAULT_OUT));
        String invocationName = arguments.option("invocation-name").orElse(settings.invocationName());
        InteractionModel model;
        try {
            model = InteractionModel.build(intents.get(), invocationName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        write(model, file);
        InteractionModel.Summary summary = model.summary();
        err.printf("wrote %s: %d intents, %d sample utterances, %d slot types (%d examples left out: out of scope,"
                + " duplicates or not sayable)%n", file, summary.intents(), summary.samples(), summary.slotTypes(),
                summary.droppedSamples());
        out.printf("{\"file\":\"%s\",\"intents\":%d,\"samples\":%d,\"slotTypes\":%d,\"dropped\":%d}%n", file,
                summary.intents(), summary.samples(), summary.slotTypes(), summary.droppedSamples());
        return 0;
    }

    /** Two-space indented JSON with a final newline, so the committed file diffs cleanly. */
    static void write(InteractionModel model, Path file) throws java.io.IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter);
        printer.indentArraysWith(indenter);
        String json = new ObjectMapper().writer(printer).writeValueAsString(model.json()) + "\n";
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}
