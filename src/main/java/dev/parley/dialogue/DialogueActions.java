package dev.parley.dialogue;

import dev.parley.nlu.data.IntentDefinition;
import dev.parley.nlu.data.TrainingData;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link DialogueAction} beans by name, and which action answers an intent. */
@Singleton
public class DialogueActions {

    private final Map<String, DialogueAction> byName = new LinkedHashMap<>();

    public DialogueActions(List<DialogueAction> actions) {
        for (DialogueAction action : actions) {
            DialogueAction previous = byName.put(action.name(), action);
            if (previous != null) {
                throw new IllegalStateException("two dialogue actions are named " + action.name() + ": "
                        + previous.getClass().getName() + " and " + action.getClass().getName());
            }
        }
    }

    /** The intent's {@code action:} if it names one, else the action with the intent's name, if any. */
    public Optional<DialogueAction> forIntent(IntentDefinition intent) {
        return Optional.ofNullable(byName.get(intent.action() != null ? intent.action() : intent.name()));
    }

    /** "intent → action" for each intent whose {@code action:} names no implemented action. */
    public List<String> unimplemented(TrainingData data) {
        List<String> missing = new ArrayList<>();
        for (IntentDefinition intent : data.intents()) {
            if (intent.action() != null && !byName.containsKey(intent.action())) {
                missing.add(intent.name() + " → " + intent.action());
            }
        }
        return missing;
    }
}
