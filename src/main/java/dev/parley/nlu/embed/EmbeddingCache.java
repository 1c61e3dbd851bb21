package dev.parley.nlu.embed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text → vector cache: a bounded in-memory LRU, optionally backed by an append-only file so that training and
 * evaluation re-runs (thousands of rows at ~7 ms each) do not embed the same texts again. The file is keyed by
 * the model name, so another model never reads stale vectors.
 */
public class EmbeddingCache {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);

    private final Map<String, float[]> memory;
    private final Path file;
    private final List<Map.Entry<String, float[]>> pending = new ArrayList<>();

    private EmbeddingCache(int capacity, Path file) {
        this.memory = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        });
        this.file = file;
    }

    public static EmbeddingCache inMemory(int capacity) {
        return new EmbeddingCache(capacity, null);
    }

    /** A cache that also reads and appends {@code dir/embeddings-<model>.bin}. */
    public static EmbeddingCache persistent(int capacity, Path dir, String modelName) {
        EmbeddingCache cache = new EmbeddingCache(capacity, dir.resolve("embeddings-" + modelName + ".bin"));
        cache.load();
        return cache;
    }

    public float[] get(String text) {
        return memory.get(text);
    }

    public void put(String text, float[] vector) {
        memory.put(text, vector);
        if (file != null) {
            synchronized (pending) {
                pending.add(Map.entry(text, vector));
            }
        }
    }

    /** Appends the vectors added since the last flush to the backing file. */
    public void flush() {
        if (file == null) {
            return;
        }
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            try {
                Files.createDirectories(file.getParent());
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                    for (Map.Entry<String, float[]> entry : pending) {
                        byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
                        out.writeInt(key.length);
                        out.write(key);
                        out.writeInt(entry.getValue().length);
                        for (float v : entry.getValue()) {
                            out.writeFloat(v);
                        }
                    }
                }
                pending.clear();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write embedding cache " + file, e);
            }
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        int count = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int keyLength;
                try {
                    keyLength = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                byte[] key = in.readNBytes(keyLength);
                float[] vector = new float[in.readInt()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = in.readFloat();
                }
                memory.put(new String(key, StandardCharsets.UTF_8), vector);
                count++;
            }
        } catch (IOException e) {
            // A truncated tail (a crash mid-append) only loses the vectors after it; they are recomputed.
            LOG.warn("Embedding cache {} read stopped after {} vectors: {}", file, count, e.toString());
        }
    }
}
