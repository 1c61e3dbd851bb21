package dev.parley.cli;

import io.micronaut.context.ApplicationContext;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Starts the application context without the HTTP server and runs the named {@link CliCommand}. */
public final class CommandLine {

    public static final String CLI_ENVIRONMENT = "cli";

    private CommandLine() {
    }

    public static int run(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(CLI_ENVIRONMENT)
                .deduceEnvironment(false)
                .start()) {
            List<CliCommand> commands = context.getBeansOfType(CliCommand.class).stream()
                    .sorted(Comparator.comparing(CliCommand::name))
                    .toList();
            String name = args[0];
            if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
                printUsage(commands);
                return 0;
            }
            for (CliCommand command : commands) {
                if (command.name().equals(name)) {
                    return command.run(List.of(Arrays.copyOfRange(args, 1, args.length)), System.out, System.err);
                }
            }
            System.err.println("unknown command: " + name);
            printUsage(commands);
            return 2;
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void printUsage(List<CliCommand> commands) {
        System.err.println("usage: parley [serve | <command> ...]");
        for (CliCommand command : commands) {
            System.err.printf("  %-8s %s%n", command.name(), command.summary());
        }
    }
}
