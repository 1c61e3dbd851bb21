package dev.parley.handoff;

import dev.parley.conversation.Conversation;
import dev.parley.dialogue.DialogueContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/** Reads the dialogue's memory of a conversation: what it was pursuing and the values it collected. */
@Singleton
class DialogueMemory {

    private final JsonMapper json;

    DialogueMemory(JsonMapper json) {
        this.json = json;
    }

    DialogueContext of(Conversation conversation) {
        try {
            return json.readValue(conversation.dialogueContext(), DialogueContext.class);
        } catch (IOException | RuntimeException e) {
            return DialogueContext.EMPTY;
        }
    }
}
