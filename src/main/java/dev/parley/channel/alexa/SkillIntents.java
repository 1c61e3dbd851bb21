package dev.parley.channel.alexa;

import dev.parley.dialogue.DialogueManager;

import java.util.Map;

/**
 * The intents of the skill's interaction model besides our own (which keep their intents/ names): Amazon's
 * built-ins, and the catch-all whose {@code AMAZON.SearchQuery} slot brings free text to Parley's NLU. Built-ins
 * that have an intents/ counterpart are answered as that intent, and the export adds its examples to them.
 */
final class SkillIntents {

    static final String STOP = "AMAZON.StopIntent";
    static final String CANCEL = "AMAZON.CancelIntent";
    static final String HELP = "AMAZON.HelpIntent";
    static final String FALLBACK = "AMAZON.FallbackIntent";
    static final String NAVIGATE_HOME = "AMAZON.NavigateHomeIntent";
    static final String CATCH_ALL = "CatchAllIntent";
    static final String QUERY_SLOT = "query";
    static final String HELP_INTENT = "help";

    /** Built-in → the intents/ intent it stands for. */
    static final Map<String, String> BUILT_IN_MEANING = Map.of(
            STOP, DialogueManager.GOODBYE, CANCEL, DialogueManager.GOODBYE, NAVIGATE_HOME, DialogueManager.GOODBYE,
            HELP, HELP_INTENT);

    private SkillIntents() {
    }

    /** Stop, Cancel and Home leave the skill whatever the dialogue answers. */
    static boolean endsSession(String intentName) {
        return intentName.equals(STOP) || intentName.equals(CANCEL) || intentName.equals(NAVIGATE_HOME);
    }
}
