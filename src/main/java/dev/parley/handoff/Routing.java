package dev.parley.handoff;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.Direction;
import dev.parley.dialogue.DialogueContext;
import dev.parley.nlu.NluResult;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which queue a conversation goes to: the skill of the intents it was about (the latest understood message first,
 * then what the dialogue was pursuing), and the language of its locale.
 */
@Singleton
class Routing {

    private final QueueSettings settings;
    private final DialogueMemory memory;

    Routing(QueueSettings settings, DialogueMemory memory) {
        this.settings = settings;
        this.memory = memory;
    }

    /** @param recent the conversation's latest messages, oldest first */
    String skill(Conversation conversation, List<ConversationMessage> recent, List<EscalationReason> reasons) {
        List<String> intents = new ArrayList<>();
        reasons.forEach(reason -> {
            if (reason.detail() != null) {
                intents.add(reason.detail());
            }
        });
        for (int i = recent.size() - 1; i >= 0; i--) {
            ConversationMessage message = recent.get(i);
            NluResult nlu = message.nlu();
            if (message.direction() == Direction.INBOUND && nlu != null && !nlu.outOfScope()) {
                nlu.ranking().stream().limit(1).forEach(score -> intents.add(score.name()));
            }
        }
        DialogueContext context = memory.of(conversation);
        if (context.activeIntent() != null) {
            intents.add(context.activeIntent());
        }
        if (context.lastIntent() != null) {
            intents.add(context.lastIntent());
        }
        return intents.stream().map(settings.intentSkills()::get).filter(java.util.Objects::nonNull).findFirst()
                .orElse(settings.defaultSkill());
    }

    /** "en-GB" -> "en". */
    static String language(String locale) {
        String language = locale == null ? "" : locale.split("[-_]")[0].toLowerCase(Locale.ROOT);
        return language.isBlank() ? "en" : language;
    }
}
