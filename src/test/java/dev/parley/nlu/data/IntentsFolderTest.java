package dev.parley.nlu.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntentsFolderTest {

    @Test
    void listsOnlyYmlFilesInNameOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.yml"), "b");
        Files.writeString(dir.resolve("a.yml"), "a");
        Files.writeString(dir.resolve("notes.md"), "x");
        Files.createDirectories(dir.resolve("sub.yml"));
        assertEquals(List.of(dir.resolve("a.yml"), dir.resolve("b.yml")), IntentsFolder.files(dir));
    }

    @Test
    void contentHashFollowsNamesAndBytesOnly(@TempDir Path tmp) throws IOException {
        Path one = Files.createDirectories(tmp.resolve("one"));
        Path two = Files.createDirectories(tmp.resolve("two"));
        for (Path dir : List.of(one, two)) {
            Files.writeString(dir.resolve("a.yml"), "intents: []\n");
            Files.writeString(dir.resolve("b.yml"), "entities: []\n");
        }
        Files.writeString(two.resolve("README.md"), "ignored");
        String hash = IntentsFolder.contentHash(one);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, IntentsFolder.contentHash(two), "same files elsewhere, non-yml ignored");

        Files.writeString(two.resolve("b.yml"), "entities: [] \n");
        assertNotEquals(hash, IntentsFolder.contentHash(two), "edited");
        Files.writeString(two.resolve("b.yml"), "entities: []\n");
        Files.move(two.resolve("b.yml"), two.resolve("c.yml"));
        assertNotEquals(hash, IntentsFolder.contentHash(two), "renamed");
        Files.move(two.resolve("c.yml"), two.resolve("b.yml"));
        assertEquals(hash, IntentsFolder.contentHash(two));
        Files.writeString(two.resolve("c.yml"), "");
        assertNotEquals(hash, IntentsFolder.contentHash(two), "added, even empty");
    }

    @Test
    void movingBytesBetweenNameAndContentChangesTheHash(@TempDir Path tmp) throws IOException {
        Path one = Files.createDirectories(tmp.resolve("one"));
        Path two = Files.createDirectories(tmp.resolve("two"));
        Files.writeString(one.resolve("a.yml"), "b.ymlx");
        Files.writeString(two.resolve("a.ymlb.yml"), "x");
        assertNotEquals(IntentsFolder.contentHash(one), IntentsFolder.contentHash(two));
    }
}
