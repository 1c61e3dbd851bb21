package dev.parley.nlu.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code {"text": ..., "intent": ...}} object per line (the CLINC150 files in {@code ../shared/datasets});
 * intent {@code oos} marks out-of-scope rows. Blank lines are skipped, other keys ignored.
 */
public final class JsonlDataset {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlDataset() {
    }

    public static List<LabeledText> read(Path file) {
        List<LabeledText> rows = new ArrayList<>();
        String[] lines = SourceText.read(file).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(row(file.toString(), i + 1, lines[i]));
            }
        }
        return rows;
    }

    static LabeledText row(String fileName, int lineNumber, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw TrainingDataException.at(fileName, lineNumber, "invalid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw TrainingDataException.at(fileName, lineNumber, "expected a JSON object {\"text\", \"intent\"}");
        }
        return new LabeledText(field(node, "text", fileName, lineNumber), field(node, "intent", fileName,
                lineNumber));
    }

    private static String field(JsonNode row, String key, String fileName, int lineNumber) {
        JsonNode value = row.get(key);
        if (value == null || !value.isTextual()) {
            throw TrainingDataException.at(fileName, lineNumber, "\"" + key + "\" must be a string");
        }
        if (value.asText().isBlank()) {
            throw TrainingDataException.at(fileName, lineNumber, "\"" + key + "\" must not be empty");
        }
        return value.asText();
    }
}
