package dev.parley.nlu.data;

/**
 * A training-data file (intents/ YAML, Rasa {@code nlu.yml}, JSONL) that cannot be read. The message always has the
 * form {@code file:line: reason} when the problem has a line, so editors and terminals can jump to it.
 */
public class TrainingDataException extends RuntimeException {

    public TrainingDataException(String message) {
        super(message);
    }

    public TrainingDataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file:line: reason}; {@code line} is 1-based. */
    public static TrainingDataException at(String file, int line, String reason) {
        return new TrainingDataException(file + ":" + line + ": " + reason);
    }
}
