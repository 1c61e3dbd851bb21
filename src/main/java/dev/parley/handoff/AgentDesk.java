package dev.parley.handoff;

import dev.parley.conversation.Author;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.InvalidTransitionException;
import dev.parley.conversation.MessagePage;
import dev.parley.conversation.Shopper;
import dev.parley.conversation.UnknownConversationException;
import dev.parley.dialogue.DialogueContext;
import dev.parley.dialogue.ResponseTemplates;
import dev.parley.dialogue.SystemResponses;
import dev.parley.handoff.AgentViews.ConversationDetail;
import dev.parley.handoff.AgentViews.MessageLine;
import dev.parley.handoff.AgentViews.QueueItem;
import dev.parley.handoff.AgentViews.QueueOverview;
import dev.parley.message.Reply;
import dev.parley.storage.UtcColumns;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an agent does: look at the queue, take the next conversation, read it with the shopper's context, answer
 * (through the shopper's own channel), note, transfer, give back to the bot, resolve.
 */
@Singleton
public class AgentDesk {

    private static final Logger LOG = LoggerFactory.getLogger(AgentDesk.class);
    private static final Pattern DISPOSITION = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final int QUEUE_LIMIT = 200;
    private static final int TRANSCRIPT_PAGE = 500;
    private static final int MAX_TEXT = 4000;
    private static final int CLAIM_ATTEMPTS = 3;

    private final ConversationService conversations;
    private final HandoffQueue queue;
    private final Escalator escalator;
    private final ConversationAccess access;
    private final AgentRepository agents;
    private final NoteRepository notes;
    private final ShopperContexts contexts;
    private final CannedResponses canned;
    private final QueueSettings settings;
    private final ResponseTemplates templates;
    private final DialogueMemory memory;

    AgentDesk(ConversationService conversations, HandoffQueue queue, Escalator escalator, ConversationAccess access,
              AgentRepository agents, NoteRepository notes, ShopperContexts contexts, CannedResponses canned,
              QueueSettings settings, ResponseTemplates templates, DialogueMemory memory) {
        this.conversations = conversations;
        this.queue = queue;
        this.escalator = escalator;
        this.access = access;
        this.agents = agents;
        this.notes = notes;
        this.contexts = contexts;
        this.canned = canned;
        this.settings = settings;
        this.templates = templates;
        this.memory = memory;
    }

    /** The waiting conversations this agent may take (a supervisor: all), and those assigned to them (all). */
    public QueueOverview overview(Agent agent) {
        Instant now = UtcColumns.now();
        List<QueueItem> waiting = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (Escalation escalation : queue.waiting(QUEUE_LIMIT)) {
            int position = positions.merge(escalation.skill() + "/" + escalation.language(), 1, Integer::sum);
            boolean mine = agent.id().equals(escalation.targetAgentId()) || (escalation.targetAgentId() == null
                    && agent.serves(escalation.skill(), escalation.language()));
            if (agent.isSupervisor() || mine) {
                waiting.add(AgentViews.item(escalation, queue.agedPriority(escalation, now), position, now));
            }
        }
        List<QueueItem> assigned = (agent.isSupervisor() ? queue.assigned() : queue.assignedTo(agent.id())).stream()
                .map(e -> AgentViews.item(e, e.priority(), null, now)).toList();
        Agent current = agents.find(agent.id()).orElse(agent);
        return new QueueOverview(AgentViews.AgentView.of(current), waiting, assigned);
    }

    /** Claims the best conversation the agent may take and moves it to them; empty when there is none. */
    public Optional<QueueItem> takeNext(Agent agent) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            HandoffQueue.Claim claim = queue.claimNext(agent.id(), UtcColumns.now());
            if (claim.atCapacity()) {
                throw new ApiException(HttpStatus.CONFLICT, "at_capacity", "you already hold "
                        + claim.agent().activeCount() + " conversations, your capacity");
            }
            if (claim.escalation() == null) {
                return Optional.empty();
            }
            Escalation taken = claim.escalation();
            try {
                conversations.transition(taken.conversationId(), ConversationState.AGENT, "taken_by_agent");
                LOG.info("Agent {} took conversation {} after {} s", agent.id(), taken.conversationId(),
                        taken.waited(UtcColumns.now()).toSeconds());
                return Optional.of(AgentViews.item(taken, taken.priority(), null, UtcColumns.now()));
            } catch (InvalidTransitionException | UnknownConversationException e) {
                // the conversation closed meanwhile: nothing for a person to do, try the next one
                queue.close(taken.id(), EscalationStatus.CANCELLED, "conversation_moved_on", UtcColumns.now());
            }
        }
        return Optional.empty();
    }

    public ConversationDetail conversation(Agent agent, String conversationId) {
        Optional<Escalation> latest = access.readable(agent, conversationId);
        Conversation conversation = conversations.find(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        Shopper shopper = conversations.shopper(conversation.shopperId()).orElseThrow();
        List<ConversationMessage> transcript = transcript(conversationId);
        Instant now = UtcColumns.now();
        QueueItem handoff = latest.map(e -> AgentViews.item(e, e.status() == EscalationStatus.WAITING
                ? queue.agedPriority(e, now) : e.priority(), e.status() == EscalationStatus.WAITING
                ? queue.position(e) : null, now)).orElse(null);
        return new ConversationDetail(conversationId, conversation.channel().id(), conversation.state().id(),
                conversation.locale(), handoff, transcript.stream().map(MessageLine::of).toList(),
                contexts.of(conversation, shopper, transcript, latest.orElse(null)),
                notes.forConversation(conversationId));
    }

    /** Sends the agent's answer through the shopper's channel. */
    public MessageLine reply(Agent agent, String conversationId, String text) {
        String checked = text(text);
        Escalation assigned = access.assignedTo(agent, conversationId);
        ConversationMessage sent = conversations.postAgentMessage(conversationId, agent.id(), Reply.text(checked));
        queue.agentReplied(assigned.id(), sent.createdAt());
        conversations.typing(conversationId, Author.AGENT, false);
        return MessageLine.of(sent);
    }

    /** The canned responses filled in for this conversation. */
    public List<CannedResponses.Filled> canned(Agent agent, String conversationId) {
        access.readable(agent, conversationId);
        Conversation conversation = conversations.find(conversationId)
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        DialogueContext dialogue = memory.of(conversation);
        Map<String, String> values = new HashMap<>(dialogue.lastSlots());
        values.putAll(dialogue.slots());
        conversations.shopper(conversation.shopperId()).map(Shopper::displayName)
                .ifPresent(name -> values.put("shopper_name", name));
        values.put("agent_name", agent.displayName());
        return canned.fill(values);
    }

    public Note note(Agent agent, String conversationId, String text) {
        access.readable(agent, conversationId);
        Note note = new Note(UUID.randomUUID().toString(), conversationId,
                queue.findOpen(conversationId).map(Escalation::id).orElse(null), agent.id(), Note.NOTE, text(text),
                UtcColumns.now());
        notes.insert(note);
        return note;
    }

    public void typing(Agent agent, String conversationId, boolean on) {
        access.assignedTo(agent, conversationId);
        conversations.typing(conversationId, Author.AGENT, on);
    }

    /** Back to a queue (another skill) or to one agent, with a note for whoever takes it. */
    public QueueItem transfer(Agent agent, String conversationId, @Nullable String skill, @Nullable String toAgent,
                              @Nullable String note) {
        Escalation open = access.manageable(agent, conversationId);
        if (skill != null && !settings.skills().contains(skill)) {
            throw ApiException.badRequest("unknown_skill", "skill must be one of " + settings.skills());
        }
        if (toAgent != null) {
            Agent target = agents.find(toAgent).orElseThrow(() -> new UnknownAgentException(toAgent));
            if (target.id().equals(open.agentId())) {
                throw ApiException.badRequest("same_agent", "the conversation is already with " + toAgent);
            }
        }
        if (skill == null && toAgent == null) {
            throw ApiException.badRequest("missing_target", "transfer to a skill's queue or to an agent");
        }
        if (note != null && !note.isBlank()) {
            notes.insert(new Note(UUID.randomUUID().toString(), conversationId, open.id(), agent.id(), Note.TRANSFER,
                    text(note), UtcColumns.now()));
        }
        Escalation requeued = escalator.requeue(open, skill != null ? skill : open.skill(), toAgent,
                "transferred").orElseThrow(() -> new InvalidTransitionException("the conversation moved on"));
        return AgentViews.item(requeued, requeued.priority(), queue.position(requeued), UtcColumns.now());
    }

    /** The bot takes the conversation back and says so. */
    public void returnToBot(Agent agent, String conversationId) {
        Escalation open = access.manageable(agent, conversationId);
        queue.close(open.id(), EscalationStatus.RETURNED, "returned_to_bot", UtcColumns.now());
        Conversation back = conversations.transition(conversationId, ConversationState.BOT, "returned_to_bot");
        Map<String, String> values = new HashMap<>();
        conversations.shopper(back.shopperId()).map(Shopper::displayName).filter(n -> !n.isBlank())
                .ifPresent(name -> values.put("shopper_name", name));
        conversations.postSystemMessage(conversationId, Reply.text(templates.named(
                SystemResponses.HANDOFF_RETURNED_TO_BOT, back.channel(), values)));
    }

    public void resolve(Agent agent, String conversationId, @Nullable String disposition) {
        String code = disposition == null || disposition.isBlank() ? "solved" : disposition.trim();
        if (!DISPOSITION.matcher(code).matches()) {
            throw ApiException.badRequest("invalid_disposition", "a disposition is a short code such as solved");
        }
        Escalation open = access.manageable(agent, conversationId);
        queue.close(open.id(), EscalationStatus.RESOLVED, code, UtcColumns.now());
        conversations.transition(conversationId, ConversationState.CLOSED, "resolved");
    }

    private List<ConversationMessage> transcript(String conversationId) {
        List<ConversationMessage> all = new ArrayList<>();
        long after = 0;
        MessagePage page;
        do {
            page = conversations.messages(conversationId, after, TRANSCRIPT_PAGE);
            all.addAll(page.messages());
            if (!page.messages().isEmpty()) {
                after = page.messages().get(page.messages().size() - 1).seq();
            }
        } while (page.hasMore());
        return all;
    }

    private static String text(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("missing_text", "text must not be empty");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.badRequest("text_too_long", "text is longer than " + MAX_TEXT + " characters");
        }
        return text.strip();
    }
}
