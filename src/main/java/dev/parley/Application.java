package dev.parley;

import dev.parley.cli.CommandLine;
import io.micronaut.runtime.Micronaut;

/**
 * One artefact, two faces: with no arguments (or {@code serve}) it runs the HTTP service; otherwise the first
 * argument names a CLI command ({@code nlu}, {@code skill}, {@code offers}, ...) run inside the same
 * configuration.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("serve")) {
            Micronaut.run(Application.class);
            return;
        }
        System.exit(CommandLine.run(args));
    }
}
