package dev.parley.channel.whatsapp;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Our WhatsApp numbers, one YAML file each in {@code parley.whatsapp.numbers-dir} (see channels/whatsapp/README.md).
 * A file that does not read, or two files for one number, stop the start-up; a number whose secrets are missing
 * from the environment is left out with a warning naming the variables (never their values).
 */
@Singleton
public class WhatsAppNumbers {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppNumbers.class);

    private final Map<String, WhatsAppNumber> byId;

    WhatsAppNumbers(WhatsAppSettings settings) {
        Map<String, WhatsAppNumber> numbers = new LinkedHashMap<>();
        UnaryOperator<String> environment = System::getenv;
        for (Path file : files(Path.of(settings.numbersDir()))) {
            read(file, environment).ifPresent(number -> {
                if (numbers.put(number.phoneNumberId(), number) != null) {
                    throw new IllegalStateException(file + ": phone-number-id " + number.phoneNumberId()
                            + " is configured twice");
                }
            });
        }
        this.byId = Map.copyOf(numbers);
        LOG.info("WhatsApp numbers configured: {}", numbers.size());
    }

    public Optional<WhatsAppNumber> find(String phoneNumberId) {
        return Optional.ofNullable(byId.get(phoneNumberId));
    }

    public Collection<WhatsAppNumber> all() {
        return byId.values();
    }

    /** Whether the token is any number's verify token; every one is compared, in constant time. */
    public boolean isVerifyToken(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (WhatsAppNumber number : byId.values()) {
            matched |= MessageDigest.isEqual(given, number.verifyToken().getBytes(StandardCharsets.UTF_8));
        }
        return matched;
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            LOG.info("No WhatsApp numbers folder at {}", folder.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(file -> file.getFileName().toString().matches(".+\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Optional<WhatsAppNumber> read(Path file, UnaryOperator<String> environment) {
        Map<String, Object> yaml = load(file);
        String id = text(yaml, "phone-number-id", file);
        if (!id.matches("[0-9]{1,64}")) {
            throw new IllegalStateException(file + ": phone-number-id must be the number's numeric Graph API id");
        }
        String brand = optional(yaml, "brand", file).orElse(id);
        List<String> missing = new ArrayList<>();
        String appSecret = secret(yaml, "app-secret-env", file, environment, missing);
        String token = secret(yaml, "access-token-env", file, environment, missing);
        String verifyToken = secret(yaml, "verify-token-env", file, environment, missing);
        if (!missing.isEmpty()) {
            LOG.warn("WhatsApp number {} ({}) is disabled: environment variables not set: {}", id, file.getFileName(),
                    String.join(", ", missing));
            return Optional.empty();
        }
        WhatsAppNumber.Labels labels = new WhatsAppNumber.Labels(label(yaml, "list-button", "Choose", 20, file),
                label(yaml, "offers-section", "Offers", 24, file), label(yaml, "replies-section", "Replies", 24, file));
        return Optional.of(new WhatsAppNumber(id, brand, appSecret, token, verifyToken,
                optional(yaml, "locale", file).orElse(null), templates(yaml, file), labels));
    }

    private static String label(Map<String, Object> yaml, String key, String fallback, int max, Path file) {
        String label = optional(yaml, key, file).orElse(fallback);
        if (label.isBlank() || label.length() > max) {
            throw new IllegalStateException(file + ": " + key + " must be 1 to " + max + " characters");
        }
        return label;
    }

    private static Map<String, WhatsAppNumber.Template> templates(Map<String, Object> yaml, Path file) {
        Object section = yaml.get("templates");
        if (section == null) {
            return Map.of();
        }
        if (!(section instanceof Map<?, ?> uses)) {
            throw new IllegalStateException(file + ": templates must map a use (bot, agent, system) to a template");
        }
        Map<String, WhatsAppNumber.Template> templates = new LinkedHashMap<>();
        uses.forEach((use, value) -> {
            if (!(value instanceof Map<?, ?> template) || !(template.get("name") instanceof String name)
                    || !(template.get("language") instanceof String language)) {
                throw new IllegalStateException(file + ": template for " + use + " needs name and language");
            }
            Object parameter = template.get("text-parameter");
            templates.put(String.valueOf(use), new WhatsAppNumber.Template(name, language,
                    parameter == null || Boolean.TRUE.equals(parameter)));
        });
        return templates;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            if (!(root instanceof Map<?, ?>)) {
                throw new IllegalStateException(file + ": expected a mapping of settings");
            }
            return (Map<String, Object>) root;
        } catch (IOException | YAMLException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static String secret(Map<String, Object> yaml, String key, Path file, UnaryOperator<String> environment,
                                 List<String> missing) {
        String variable = text(yaml, key, file);
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            missing.add(variable);
            return "";
        }
        return value;
    }

    private static String text(Map<String, Object> yaml, String key, Path file) {
        return optional(yaml, key, file).orElseThrow(() -> new IllegalStateException(file + ": " + key
                + " is required"));
    }

    private static Optional<String> optional(Map<String, Object> yaml, String key, Path file) {
        Object value = yaml.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw new IllegalStateException(file + ": " + key + " must be a single value");
        }
        return Optional.of(String.valueOf(value).strip());
    }
}
