package dev.parley.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Minimal {@code --name value} / {@code --flag} parser: enough for our sub-commands, no dependency needed. */
public final class Arguments {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Arguments() {
    }

    public static Arguments parse(List<String> args) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    parsed.options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    parsed.options.put(name, args.get(++i));
                } else {
                    parsed.options.put(name, "true");
                }
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("missing --" + name));
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public int intOption(String name, int defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, got " + value);
        }
    }

    public List<String> positional() {
        return positional;
    }
}
