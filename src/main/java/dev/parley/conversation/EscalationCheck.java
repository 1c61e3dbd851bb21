package dev.parley.conversation;

import java.util.List;

/**
 * Decides, after every turn the bot answered, whether a person should take the conversation over, and why. The
 * hand-off's escalation policy implements it; the reasons are stored with the turn (the conversation's needs-human
 * mark) and published as {@link ConversationEvent.NeedsHumanChanged}, which the hand-off consumes. With no such bean
 * the dialogue's own {@code needsHumanReason} decides.
 */
public interface EscalationCheck {

    /** @return the reasons to hand over, empty to let the bot go on; called inside the turn's transaction */
    List<String> reasons(BotTurn turn);
}
