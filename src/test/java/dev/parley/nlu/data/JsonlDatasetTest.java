package dev.parley.nlu.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JsonlDatasetTest {

    @Test
    void readsRowsSkippingBlankLinesAndExtraKeys(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("train.jsonl");
        Files.writeString(file, """
                {"text": "where is my order", "intent": "order_status"}

                {"text": "what's the weather", "intent": "oos", "id": 7}
                """);
        assertEquals(List.of(new LabeledText("where is my order", "order_status"),
                new LabeledText("what's the weather", "oos")), JsonlDataset.read(file));
    }

    @Test
    void malformedLinesNameFileAndLine(@TempDir Path tmp) throws IOException {
        assertError(tmp, "{\"text\": \"a\", \"intent\": \"x\"}\n{\"text\": \"b\", \"intent\": }\n", 2,
                "invalid JSON: ");
        assertError(tmp, "[\"a\", \"x\"]\n", 1, "expected a JSON object {\"text\", \"intent\"}");
        assertError(tmp, "{\"text\": \"a\", \"intent\": \"x\"}\n\n{\"text\": \"b\"}\n", 3,
                "\"intent\" must be a string");
        assertError(tmp, "{\"text\": 42, \"intent\": \"x\"}\n", 1, "\"text\" must be a string");
        assertError(tmp, "{\"text\": \" \", \"intent\": \"x\"}\n", 1, "\"text\" must not be empty");
    }

    @Test
    void missingFileIsATrainingDataError(@TempDir Path tmp) {
        assertEquals(tmp.resolve("nope.jsonl") + ": file not found", assertThrows(TrainingDataException.class,
                () -> JsonlDataset.read(tmp.resolve("nope.jsonl"))).getMessage());
    }

    @Test
    void readsTheWholeClinc150TrainingSet() {
        Path file = Clinc150.file("full", "train.jsonl");
        assumeTrue(Files.exists(file), "CLINC150 not found next to the repository");
        List<LabeledText> rows = JsonlDataset.read(file);
        assertEquals(15100, rows.size());
        assertEquals(151, rows.stream().map(LabeledText::intent).distinct().count(), "150 intents + oos");
        assertEquals(100, rows.stream().filter(r -> r.intent().equals("oos")).count());
    }

    private static void assertError(Path tmp, String content, int line, String reasonPrefix) throws IOException {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, content);
        String message = assertThrows(TrainingDataException.class, () -> JsonlDataset.read(file)).getMessage();
        String prefix = file + ":" + line + ": " + reasonPrefix;
        assertEquals(true, message.startsWith(prefix), message + " should start with " + prefix);
    }

    /** ../shared/datasets/clinc150 from /work/main, or ../../shared from a worktree in /work/wt. */
    static final class Clinc150 {
        static Path file(String variant, String name) {
            return Stream.of("../shared/datasets/clinc150", "../../shared/datasets/clinc150")
                    .map(Path::of).filter(Files::isDirectory).findFirst()
                    .orElse(Path.of("../shared/datasets/clinc150")).resolve(variant).resolve(name);
        }
    }
}
