package dev.parley.handoff;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.InvalidTransitionException;
import dev.parley.conversation.Shopper;
import dev.parley.dialogue.ResponseTemplates;
import dev.parley.dialogue.SystemResponses;
import dev.parley.message.Reply;
import dev.parley.storage.UtcColumns;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes conversations marked as needing a person into the queue and puts them back there: stores the hand-off
 * (routed and prioritised), moves the conversation to {@code queued}, and tells the shopper their place and expected
 * wait. Safe to repeat: a conversation has at most one open hand-off.
 */
@Singleton
public class Escalator {

    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);
    private static final int RECENT_MESSAGES = 10;

    private final ConversationService conversations;
    private final HandoffQueue queue;
    private final Routing routing;
    private final QueueSettings settings;
    private final ShopperValue value;
    private final WaitEstimate waits;
    private final ResponseTemplates templates;

    Escalator(ConversationService conversations, HandoffQueue queue, Routing routing, QueueSettings settings,
              ShopperValue value, WaitEstimate waits, ResponseTemplates templates) {
        this.conversations = conversations;
        this.queue = queue;
        this.routing = routing;
        this.settings = settings;
        this.value = value;
        this.waits = waits;
        this.templates = templates;
    }

    /**
     * Queues a bot conversation that needs a person; empty when it does not (any more), or when it moved on
     * meanwhile.
     */
    public Optional<Escalation> escalate(String conversationId) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null || !conversation.needsHuman() || conversation.state() != ConversationState.BOT) {
            return Optional.empty();
        }
        Escalation escalation = queue.findOpen(conversationId).orElseGet(() -> enqueue(conversation));
        try {
            conversations.transition(conversationId, ConversationState.QUEUED, "handoff");
        } catch (InvalidTransitionException e) {
            queue.close(escalation.id(), EscalationStatus.CANCELLED, "conversation_moved_on", UtcColumns.now());
            return Optional.empty();
        }
        LOG.info("Conversation {} queued for {} / {} with priority {} ({})", conversationId, escalation.skill(),
                escalation.language(), escalation.priority(), escalation.id());
        tellPlace(conversation, escalation);
        return Optional.of(escalation);
    }

    /**
     * Puts an assigned or transferred hand-off back in a queue (another skill, one agent, or as it was) and moves the
     * conversation back to {@code queued}.
     */
    public Optional<Escalation> requeue(Escalation escalation, String skill, String targetAgentId, String reason) {
        Optional<Escalation> requeued = queue.requeue(escalation.id(), skill, targetAgentId, UtcColumns.now());
        if (requeued.isEmpty()) {
            return Optional.empty();
        }
        try {
            Conversation conversation = conversations.transition(escalation.conversationId(),
                    ConversationState.QUEUED, reason);
            LOG.info("Hand-off {} back in the queue: {}", escalation.id(), reason);
            tellPlace(conversation, requeued.get());
        } catch (InvalidTransitionException e) {
            queue.close(escalation.id(), EscalationStatus.CANCELLED, "conversation_moved_on", UtcColumns.now());
            return Optional.empty();
        }
        return requeued;
    }

    private Escalation enqueue(Conversation conversation) {
        List<EscalationReason> reasons = EscalationReason.parse(conversation.needsHumanReason());
        Shopper shopper = conversations.shopper(conversation.shopperId()).orElseThrow();
        String skill = routing.skill(conversation, conversations.messages(conversation.id(),
                Math.max(0, conversation.lastSeq() - RECENT_MESSAGES), RECENT_MESSAGES).messages(), reasons);
        int severity = reasons.stream().mapToInt(reason -> settings.severity(reason.code())).max()
                .orElse(settings.severity(EscalationReason.OTHER));
        int priority = severity + (value.isHighValue(shopper) ? settings.highValueBonus() : 0);
        try {
            return queue.enqueue(conversation.id(), conversation.shopperId(), conversation.channel(), skill,
                    Routing.language(conversation.locale()), EscalationReason.join(reasons), priority,
                    UtcColumns.now());
        } catch (RuntimeException e) {
            if (!UtcColumns.isConstraintViolation(e)) {
                throw e;
            }
            return queue.findOpen(conversation.id()).orElseThrow(() -> e); // queued concurrently
        }
    }

    /** "You're number N in the queue, about M minutes", or the offline notice when nobody serves the queue now. */
    private void tellPlace(Conversation conversation, Escalation escalation) {
        Instant now = UtcColumns.now();
        int position = queue.position(escalation);
        List<Agent> online = waits.eligibleOnline(escalation, now);
        Map<String, String> values = new HashMap<>();
        values.put("position", Integer.toString(position));
        values.put("wait_minutes", Integer.toString(waits.minutes(escalation, position, online)));
        conversations.shopper(conversation.shopperId()).map(Shopper::displayName).filter(name -> !name.isBlank())
                .ifPresent(name -> values.put("shopper_name", name));
        String name = online.isEmpty() ? SystemResponses.HANDOFF_OFFLINE : SystemResponses.HANDOFF_QUEUED;
        String text = templates.named(name, conversation.channel(), values);
        conversations.postSystemMessage(conversation.id(), new Reply(text, List.of(), List.of(), true, true));
    }
}
