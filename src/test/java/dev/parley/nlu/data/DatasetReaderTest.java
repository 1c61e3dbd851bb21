package dev.parley.nlu.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatasetReaderTest {

    private static final List<LabeledText> EXPECTED = List.of(new LabeledText("hi", "greet"),
            new LabeledText("show me red shoes", "search"));

    @Test
    void readsJsonl(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("test.JSONL"),
                "{\"text\": \"hi\", \"intent\": \"greet\"}\n{\"text\": \"show me red shoes\", \"intent\": \"search\"}\n");
        assertEquals(EXPECTED, DatasetReader.read(file));
    }

    @Test
    void readsRasaNluYaml(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("nlu.yml"), """
                version: "3.1"
                nlu:
                - intent: greet
                  examples: |
                    - hi
                - intent: search
                  examples: |
                    - show me [red](color) shoes
                """);
        assertEquals(EXPECTED, DatasetReader.read(file));
    }

    @Test
    void readsAnIntentsFileOrFolder(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("intents"));
        Path file = Files.writeString(dir.resolve("shop.yaml"), """
                intents:
                  - name: greet
                    examples: [hi]
                  - name: search
                    examples: ["show me [red](color) shoes"]
                """);
        assertEquals(EXPECTED, DatasetReader.read(file));
        Files.copy(file, dir.resolve("shop.yml"));
        assertEquals(EXPECTED, DatasetReader.read(dir));
    }

    @Test
    void rejectsOtherFormats(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("train.csv"), "hi,greet\n");
        assertEquals(file + ": unsupported dataset (expected .jsonl, a Rasa .yml or a folder)",
                assertThrows(TrainingDataException.class, () -> DatasetReader.read(file)).getMessage());
    }
}
