package dev.parley.nlu.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a training-data file as UTF-8 text (without a byte-order mark); a missing or undecodable file is a {@link TrainingDataException}. */
final class SourceText {

    private SourceText() {
    }

    static String read(Path file) {
        try {
            String text = Files.readString(file);
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // editors on Windows add a BOM
        } catch (CharacterCodingException e) {
            throw new TrainingDataException(file + ": not UTF-8 text", e);
        } catch (NoSuchFileException e) {
            throw new TrainingDataException(file + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
