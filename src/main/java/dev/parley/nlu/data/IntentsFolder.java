package dev.parley.nlu.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The {@code intents/} folder as files: which ones are read, in which order, and a hash of their content. */
public final class IntentsFolder {

    private IntentsFolder() {
    }

    /** Every {@code *.yml} file directly in {@code dir}, in file-name order. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TrainingDataException(dir + ": intents folder not found");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".yml") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * SHA-256 (hex) over the names and bytes of {@link #files}, in name order: the trained-model cache key. It
     * changes when any file is edited, added, removed or renamed, and not when the folder itself moves.
     */
    public static String contentHash(Path dir) {
        MessageDigest digest = sha256();
        for (Path file : files(dir)) {
            byte[] name = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
            byte[] content = read(file);
            // lengths before each part, so ("ab","c") and ("a","bc") never hash alike
            digest.update(ByteBuffer.allocate(4).putInt(name.length).array());
            digest.update(name);
            digest.update(ByteBuffer.allocate(8).putLong(content.length).array());
            digest.update(content);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
