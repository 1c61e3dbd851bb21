package dev.parley.nlu.classify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.parley.nlu.data.LabeledText;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Trained models on disk, named by a hash of everything that determines them (training data, trainer settings,
 * embedding model), so a restart with unchanged intents/ loads instead of retraining, and any change retrains.
 */
public final class IntentModelStore {

    private static final Logger LOG = LoggerFactory.getLogger(IntentModelStore.class);

    private final Path directory;

    public IntentModelStore(Path directory) {
        this.directory = directory;
    }

    /**
     * The model's identity: only what changes the trained weights counts (the labelled examples, not responses or
     * entity definitions, so editing a response does not retrain).
     */
    public static String key(List<LabeledText> rows, IntentTrainer.Settings settings, String embeddingModel) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabeledText row : rows) {
                digest.update((row.intent() + '\t' + row.text() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            digest.update((settings + "|" + embeddingModel).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file(String key) {
        return directory.resolve("intent-" + key + ".model");
    }

    public Optional<IntentModel> find(String key) {
        Path file = file(key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(IntentModel.load(file));
        } catch (IOException e) {
            LOG.warn("Cached model {} unreadable ({}); retraining", file, e.toString());
            return Optional.empty();
        }
    }

    public IntentModel loadOrTrain(String key, Supplier<IntentModel> trainer) {
        return find(key).orElseGet(() -> {
            IntentModel model = trainer.get();
            save(key, model);
            return model;
        });
    }

    public void save(String key, IntentModel model) {
        try {
            model.save(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + file(key), e);
        }
    }
}
