package dev.parley.nlu.cli;

import dev.parley.cli.UsageException;
import dev.parley.nlu.NluResult;
import dev.parley.nlu.NluService;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.PrintStream;

/** {@code nlu parse TEXT}: the same JSON as {@code POST /nlu/parse}. */
@Singleton
class NluParsing {

    private final NluService nlu;
    private final JsonMapper json;

    NluParsing(NluService nlu, JsonMapper json) {
        this.nlu = nlu;
        this.json = json;
    }

    int parse(String text, PrintStream out) throws IOException {
        if (text.isBlank()) {
            throw new UsageException("usage: parley nlu parse TEXT");
        }
        NluResult result = nlu.parse(text);
        out.println(json.writeValueAsString(result));
        return 0;
    }
}
