package dev.parley.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command-line sub-command. Each feature contributes its own as a bean, so adding one touches no central list.
 * {@code parley <name> <args...>}; the last line a command prints to {@code out} should be machine-readable
 * when scripts are expected to read it.
 */
public interface CliCommand {

    /** The first word on the command line, e.g. {@code nlu}. */
    String name();

    /** One line for {@code parley help}. */
    String summary();

    /**
     * @param args the arguments after the command name
     * @return the process exit code: 0 success, 1 failure, 2 usage error
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
