package dev.parley.conversation;

import dev.parley.conversation.ConversationEvent.DeliveryStatusChanged;
import dev.parley.conversation.ConversationEvent.MessageStored;
import dev.parley.conversation.ConversationEvent.NeedsHumanChanged;
import dev.parley.conversation.ConversationEvent.StateChanged;
import dev.parley.conversation.ConversationEvent.TypingChanged;
import dev.parley.dialogue.ConversationFacts;
import dev.parley.dialogue.DialogueContext;
import dev.parley.dialogue.DialogueManager;
import dev.parley.dialogue.DialogueTurn;
import dev.parley.message.Channel;
import dev.parley.message.InboundMessage;
import dev.parley.message.Reply;
import dev.parley.nlu.NluPipeline;
import dev.parley.nlu.NluResult;
import dev.parley.storage.UtcColumns;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The conversation feature's entrance: channels hand it what shoppers say, the hand-off and agent console move
 * conversations between bot, queue and agents and post their messages.
 * <p>
 * A turn: the inbound message is stored first (deduplicated by its channel message id, so a redelivery returns the
 * stored outcome), then, if the bot has the conversation, NLU → dialogue → replies are stored with the updated
 * dialogue memory in one transaction holding the conversation's row lock (turns of one conversation never
 * interleave). Events are published after commit; outbound messages go to the channel's {@link ChannelSender}.
 */
@Singleton
public class ConversationService {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationService.class);
    /** A channel attribute with the shopper's name (e.g. a WhatsApp profile name), kept as their display name. */
    public static final String DISPLAY_NAME_ATTRIBUTE = "display_name";
    /** The size of conversations.needs_human_reason. */
    private static final int NEEDS_HUMAN_REASON_LENGTH = 200;
    /** How many earlier shopper messages an escalation check sees. */
    private static final int EARLIER_MESSAGES = 4;

    private final TransactionOperations<Connection> transactions;
    private final ShopperDirectory shoppers;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final NluPipeline nlu;
    private final DialogueManager dialogue;
    private final ConversationEvents events;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final ColumnJson json;
    private final String defaultLocale;
    private final List<EscalationCheck> escalationChecks;

    ConversationService(TransactionOperations<Connection> transactions, ShopperDirectory shoppers,
                        ConversationRepository conversations, MessageRepository messages, NluPipeline nlu,
                        DialogueManager dialogue, ConversationEvents events, List<ChannelSender> channelSenders,
                        ColumnJson json, @Value("${parley.conversations.default-locale:en}") String defaultLocale,
                        List<EscalationCheck> escalationChecks) {
        this.transactions = transactions;
        this.shoppers = shoppers;
        this.conversations = conversations;
        this.messages = messages;
        this.nlu = nlu;
        this.dialogue = dialogue;
        this.events = events;
        this.json = json;
        this.defaultLocale = defaultLocale;
        this.escalationChecks = List.copyOf(escalationChecks);
        for (ChannelSender sender : channelSenders) {
            if (senders.put(sender.channel(), sender) != null) {
                throw new IllegalStateException("two ChannelSender beans for channel " + sender.channel().id());
            }
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public Optional<Conversation> find(String conversationId) {
        return conversations.find(conversationId);
    }

    public Optional<Conversation> findBySession(Channel channel, String sessionId) {
        return conversations.findBySession(channel, sessionId);
    }

    public Optional<Shopper> shopper(String shopperId) {
        return shoppers.find(shopperId);
    }

    /** Conversations in a state, least recently updated first (e.g. the queue). */
    /** The shopper's most recent conversation on the channel, whatever its state (to write to them first). */
    public Optional<Conversation> findLatest(String shopperId, Channel channel) {
        return conversations.findLatest(shopperId, channel);
    }

    public List<Conversation> findByState(ConversationState state, int limit) {
        return conversations.findByState(state, limit);
    }

    /** One stored message, by our id. */
    public Optional<ConversationMessage> message(String messageId) {
        return messages.find(messageId);
    }

    /** Bot conversations marked as needing a person: the hand-off has not taken them yet. */
    public List<Conversation> findAwaitingHandoff(int limit) {
        return conversations.findByState(ConversationState.BOT, true, limit);
    }

    /** How many conversations were opened since then (hand-off and containment rates). */
    public long countOpenedSince(Instant since) {
        return conversations.countCreatedSince(since);
    }

    /** Messages with seq above {@code afterSeq}, ascending, at most {@code limit}. */
    public MessagePage messages(String conversationId, long afterSeq, int limit) {
        List<ConversationMessage> page = messages.findAfter(conversationId, afterSeq, limit + 1);
        return new MessagePage(page.subList(0, Math.min(limit, page.size())), page.size() > limit);
    }

    // ---- shoppers talking ---------------------------------------------------------------------------------------

    /**
     * Opens a new conversation with the bot (resolving or creating the shopper, linking a customer id) and stores
     * the assistant's greeting as its first message.
     */
    public ConversationStart start(OpenConversation request) {
        Objects.requireNonNull(request.channelUserId(), "channelUserId");
        ConversationStart started = retryingConflicts(() -> transactions.executeWrite(status -> {
            Instant now = UtcColumns.now();
            Shopper shopper = shoppers.resolve(request.channel(), request.channelUserId(), request.customerId(),
                    request.displayName(), now);
            String id = UUID.randomUUID().toString();
            String session = request.sessionId() != null ? request.sessionId()
                    : request.channel() == Channel.WEBCHAT ? id : null;
            Conversation opened = new Conversation(id, shopper.id(), request.channel(), request.channelUserId(),
                    session, localeOr(request.locale()), ConversationState.BOT, false, null, 0,
                    write(DialogueContext.EMPTY), 1, now, now);
            conversations.insert(opened);
            Reply greeting = dialogue.greeting(facts(opened, shopper));
            ConversationMessage message = outbound(opened, 1, Author.BOT, null, greeting, null, now);
            messages.insert(message, MessageIdScope.of(opened));
            return new ConversationStart(opened, shopper, message);
        }));
        LOG.debug("Conversation {} opened on {}", started.conversation().id(), started.conversation().channel().id());
        events.publish(new MessageStored(started.conversation(), started.greeting()));
        deliver(started.conversation(), started.greeting());
        return started;
    }

    /**
     * Handles one inbound message: stores it (once, however often it is delivered), and if the bot has the
     * conversation, runs NLU and the dialogue and stores the replies. While the conversation is queued or with an
     * agent, the message is stored and published and the bot stays quiet. A message to a closed conversation
     * reopens it with the bot.
     */
    public TurnOutcome receive(InboundMessage inbound) {
        return receive(inbound, () -> { });
    }

    /**
     * Like {@link #receive(InboundMessage)}, with an admission check (a rate limit, say) run only for a message not
     * received before, before anything is stored: a redelivery is answered with its stored outcome whatever the
     * check would say, and a message the check rejects (by throwing) leaves no trace.
     */
    public TurnOutcome receive(InboundMessage inbound, Admission admission) {
        Stored stored = store(inbound, admission, true);
        return stored.duplicate() ? complete(stored.message(), true)
                : complete(stored.message(), stored.state(), inbound.recognitionConfidence(), false);
    }

    /**
     * The first half of {@link #receive(InboundMessage)} for channels that acknowledge the provider as soon as the
     * message is durable and answer later: stores the message once (a redelivery finds the stored one) and runs no
     * turn. The caller then runs {@link #completeTurn(String)}, off the request thread; should that never happen
     * (a crash), {@link #unfinishedTurns} finds the message again.
     */
    public AcceptedMessage accept(InboundMessage inbound) {
        Stored stored = store(inbound, () -> { }, true);
        return new AcceptedMessage(stored.message(), stored.duplicate());
    }

    /**
     * Stores an inbound message the bot does not answer (a reaction to an earlier message): once, like
     * {@link #accept}, but with its turn already complete, so it is in the history and no reply follows.
     */
    public AcceptedMessage acceptUnanswered(InboundMessage inbound) {
        Stored stored = store(inbound, () -> { }, false);
        return new AcceptedMessage(stored.message(), stored.duplicate());
    }

    /**
     * Runs the turn of a stored inbound message, or returns its stored outcome when it already ran (safe to call
     * twice, concurrently too: the turn runs once and its replies are delivered once).
     */
    public TurnOutcome completeTurn(String messageId) {
        ConversationMessage stored = messages.find(messageId)
                .filter(message -> message.direction() == Direction.INBOUND)
                .orElseThrow(() -> new IllegalArgumentException("no inbound message " + messageId));
        return complete(stored, false);
    }

    /** Inbound messages of a channel stored before {@code storedBefore} whose turn has not run, oldest first. */
    public List<ConversationMessage> unfinishedTurns(Channel channel, Instant storedBefore, int limit) {
        return messages.findUnprocessed(channel, storedBefore, limit);
    }

    /**
     * Stores a new inbound message, or finds the one stored under its channel message id.
     *
     * @param answered whether the message gets a turn (else it is stored as processed)
     */
    private Stored store(InboundMessage inbound, Admission admission, boolean answered) {
        Objects.requireNonNull(inbound.text(), "text");
        Objects.requireNonNull(inbound.channelUserId(), "channelUserId");
        String scope = MessageIdScope.of(inbound.channel(), inbound.sessionId());
        if (inbound.channelMessageId() != null) {
            Optional<ConversationMessage> stored = messages.findByChannelMessageId(scope, inbound.channelMessageId());
            if (stored.isPresent()) {
                return new Stored(stored.get(), null, true);
            }
        }
        admission.admit();
        Accepted accepted;
        try {
            accepted = retryingConflicts(() -> transactions.executeWrite(status -> insertInbound(inbound, scope,
                    answered)));
        } catch (RuntimeException e) {
            Optional<ConversationMessage> stored = !UtcColumns.isConstraintViolation(e)
                    || inbound.channelMessageId() == null ? Optional.empty()
                    : messages.findByChannelMessageId(scope, inbound.channelMessageId());
            if (stored.isEmpty()) {
                throw e;
            }
            return new Stored(stored.get(), null, true); // a concurrent delivery of the same message stored it first
        }
        accepted.events().forEach(events::publish);
        return new Stored(accepted.message(), accepted.state(), false);
    }

    /** @param state the conversation's state once a new message was stored; null for a duplicate */
    private record Stored(ConversationMessage message, @Nullable ConversationState state, boolean duplicate) {
    }

    /** Decides whether a new inbound message may be stored; rejects it by throwing. */
    @FunctionalInterface
    public interface Admission {
        void admit();
    }

    /**
     * The outcome of a message already received with this channel message id (finishing its turn if a crash
     * interrupted it), without storing anything new; empty if it was never received.
     */
    public Optional<TurnOutcome> storedTurn(Channel channel, @Nullable String sessionId, String channelMessageId) {
        return messages.findByChannelMessageId(MessageIdScope.of(channel, sessionId), channelMessageId)
                .map(message -> complete(message, true));
    }

    // ---- agents, hand-off, delivery -----------------------------------------------------------------------------

    /** Stores an agent's answer and delivers it through the shopper's channel; only while an agent has it. */
    public ConversationMessage postAgentMessage(String conversationId, String agentId, Reply reply) {
        return post(conversationId, Author.AGENT, agentId, reply);
    }

    /**
     * Stores a message the assistant starts without being asked (a deal reminder) and delivers it; any state but
     * the conversation's own rules apply in the channel (WhatsApp outside its 24-hour window sends a template).
     */
    public ConversationMessage postBotMessage(String conversationId, Reply reply) {
        return post(conversationId, Author.BOT, null, reply);
    }

    /** Stores a system notice (queue position, "back with the assistant") and delivers it; any state. */
    public ConversationMessage postSystemMessage(String conversationId, Reply reply) {
        return post(conversationId, Author.SYSTEM, null, reply);
    }

    /**
     * Moves the conversation to another state (see {@link ConversationState#next()}); moving to the state it is in
     * changes nothing. Back to the bot, the needs-human mark and the failure streak are cleared.
     *
     * @throws InvalidTransitionException when the move is not allowed
     */
    public Conversation transition(String conversationId, ConversationState target, String reason) {
        List<ConversationEvent> published = new ArrayList<>();
        Conversation result = transactions.executeWrite(status -> {
            Conversation locked = lockOrThrow(conversationId);
            if (locked.state() == target) {
                return locked;
            }
            if (!locked.state().canMoveTo(target)) {
                throw new InvalidTransitionException("a conversation cannot move from " + locked.state().id()
                        + " to " + target.id());
            }
            Instant now = UtcColumns.now();
            Conversation updated = locked.withState(target, now);
            if (target == ConversationState.BOT) {
                updated = updated.withNeedsHuman(false, null, now)
                        .withDialogue(write(read(locked.dialogueContext()).withoutFailures()), 0, now);
            }
            conversations.update(updated);
            published.add(new StateChanged(updated, locked.state(), target, reason));
            if (locked.needsHuman() && !updated.needsHuman()) {
                published.add(new NeedsHumanChanged(updated, false, null));
            }
            return updated;
        });
        published.forEach(events::publish);
        return result;
    }

    /** Records that the conversation needs a person, and why (the hand-off listens for it). */
    public Conversation markNeedsHuman(String conversationId, String reason) {
        return setNeedsHuman(conversationId, true, reason);
    }

    public Conversation clearNeedsHuman(String conversationId) {
        return setNeedsHuman(conversationId, false, null);
    }

    /** Relays a typing indicator (shopper from the widget, agent from the console) to listeners. */
    public void typing(String conversationId, Author author, boolean on) {
        events.publish(new TypingChanged(conversationId, author, on));
    }

    /** Moves a message's delivery status forward (never back); returns whether it changed. */
    public boolean updateDeliveryStatus(String messageId, DeliveryStatus status) {
        Optional<ConversationMessage> message = messages.find(messageId);
        if (message.isEmpty() || !messages.advanceDeliveryStatus(messageId, status, UtcColumns.now())) {
            return false;
        }
        events.publish(new DeliveryStatusChanged(message.get().conversationId(), messageId, status));
        return true;
    }

    /**
     * Records how far a sender that works asynchronously (it answered {@code queued} and sends from its own queue)
     * got with a message: the provider's id and the status, which only moves forward.
     */
    public void recordDelivery(String messageId, Delivery delivery) {
        messages.find(messageId).ifPresent(message -> record(message.conversationId(), messageId, delivery));
    }

    /** The same, for a provider's status report naming the message by the provider's id (WhatsApp wamid). */
    public boolean updateDeliveryStatus(Channel channel, String channelMessageId, DeliveryStatus status) {
        return messages.findByChannelMessageId(MessageIdScope.of(channel, null), channelMessageId)
                .map(message -> updateDeliveryStatus(message.id(), status)).orElse(false);
    }

    // ---- the turn -----------------------------------------------------------------------------------------------

    /** @param state the conversation's state once the message was stored */
    private record Accepted(ConversationMessage message, ConversationState state, List<ConversationEvent> events) {
    }

    /** @param answeredNow the replies were produced by this call (not looked up): they still need delivering */
    private record Turn(Conversation conversation, ConversationMessage message, List<ConversationMessage> replies,
                        List<ConversationEvent> events, boolean answeredNow) {
    }

    /** Stores the inbound message (in the caller's transaction), finding or opening its conversation. */
    private Accepted insertInbound(InboundMessage inbound, String scope, boolean answered) {
        Instant now = UtcColumns.now();
        Conversation conversation = lockOrOpen(inbound, now);
        List<ConversationEvent> published = new ArrayList<>();
        Conversation updated = conversation.withLastSeq(conversation.lastSeq() + 1, now);
        if (conversation.state() == ConversationState.CLOSED) {
            updated = updated.withState(ConversationState.BOT, now);
            published.add(new StateChanged(updated, ConversationState.CLOSED, ConversationState.BOT,
                    "shopper_wrote"));
        }
        conversations.update(updated);
        ConversationMessage message = new ConversationMessage(UUID.randomUUID().toString(), updated.id(),
                updated.lastSeq(), Direction.INBOUND, Author.SHOPPER, null, inbound.text(), List.of(), List.of(),
                true, false, inbound.payload(), null, inbound.channelMessageId(), null, !answered,
                DeliveryStatus.DELIVERED, now);
        messages.insert(message, scope);
        published.add(new MessageStored(updated, message));
        return new Accepted(message, updated.state(), published);
    }

    /** The message's conversation, locked: the session's, else the identity's open one, else a new one. */
    private Conversation lockOrOpen(InboundMessage inbound, Instant now) {
        if (inbound.sessionId() != null) {
            Optional<Conversation> bySession = conversations.lockBySession(inbound.channel(), inbound.sessionId());
            if (bySession.isPresent()) {
                return bySession.get();
            }
        }
        Shopper shopper = shoppers.resolve(inbound.channel(), inbound.channelUserId(), null,
                inbound.attributes().get(DISPLAY_NAME_ATTRIBUTE), now);
        if (inbound.sessionId() == null) {
            shoppers.lockIdentity(inbound.channel(), inbound.channelUserId());
            Optional<Conversation> open = conversations.findOpen(inbound.channel(), inbound.channelUserId());
            if (open.isPresent()) {
                return lockOrThrow(open.get().id());
            }
        }
        Conversation opened = new Conversation(UUID.randomUUID().toString(), shopper.id(), inbound.channel(),
                inbound.channelUserId(), inbound.sessionId(), localeOr(inbound.locale()), ConversationState.BOT, false,
                null, 0, write(DialogueContext.EMPTY), 0, now, now);
        conversations.insert(opened);
        return opened; // inserted in this transaction: nobody else sees it until commit
    }

    /** Runs (or, for a stored message, finishes or looks up) the turn of an inbound message. */
    private TurnOutcome complete(ConversationMessage inbound, boolean duplicate) {
        if (inbound.processed()) {
            return new TurnOutcome(conversations.find(inbound.conversationId()).orElseThrow(), inbound,
                    messages.findReplies(inbound.id()), duplicate);
        }
        return complete(inbound, conversations.find(inbound.conversationId()).orElseThrow().state(), null,
                duplicate);
    }

    /**
     * @param state                 the conversation's state as last seen: it decides whether to run the NLU before
     *                              taking the lock (the turn re-checks it under the lock)
     * @param recognitionConfidence a voice message's speech-recognition confidence, for the escalation checks
     */
    private TurnOutcome complete(ConversationMessage inbound, ConversationState state,
                                 @Nullable Double recognitionConfidence, boolean duplicate) {
        String conversationId = inbound.conversationId();
        boolean botAnswers = state == ConversationState.BOT;
        if (botAnswers) {
            events.publish(new TypingChanged(conversationId, Author.BOT, true));
        }
        try {
            // NLU outside the transaction: it is the slow part, and needs no lock
            Understanding understood = botAnswers ? understand(inbound) : null;
            // a deadlock rolls the whole turn back (nothing half-stored): run it again
            Turn turn = retryingConflicts(() -> transactions.executeWrite(status -> respond(inbound, understood,
                    recognitionConfidence)));
            turn.events().forEach(events::publish);
            if (turn.answeredNow()) {
                turn.replies().forEach(reply -> deliver(turn.conversation(), reply));
            }
            return new TurnOutcome(turn.conversation(), turn.message(), turn.replies(), duplicate);
        } finally {
            if (botAnswers) {
                events.publish(new TypingChanged(conversationId, Author.BOT, false));
            }
        }
    }

    /** The NLU's reading of a message, or a failure (the pipeline threw). */
    private record Understanding(@Nullable NluResult result) {
    }

    private Understanding understand(ConversationMessage message) {
        try {
            Optional<NluResult> shortcut = dialogue.shortcut(message.text(), message.payload());
            return new Understanding(shortcut.orElseGet(() -> nlu.parse(message.text())));
        } catch (RuntimeException e) {
            LOG.warn("NLU failed on message {}", message.id(), e);
            return new Understanding(null);
        }
    }

    /**
     * Inside one transaction, under the conversation's row lock: the bot's answer and the new dialogue memory.
     * Locks come before any plain read: with REPEATABLE READ (MySQL's default) the first plain read fixes the
     * snapshot, and it must not predate a concurrent turn of the same message that committed while we waited.
     */
    private Turn respond(ConversationMessage inbound, @Nullable Understanding understood,
                         @Nullable Double recognitionConfidence) {
        String messageId = inbound.id();
        Conversation locked = lockOrThrow(inbound.conversationId());
        ConversationMessage message = messages.lock(messageId).orElseThrow();
        if (message.processed()) {
            return new Turn(locked, message, messages.findReplies(messageId), List.of(), false);
        }
        Instant now = UtcColumns.now();
        if (locked.state() != ConversationState.BOT) {
            messages.markProcessed(messageId, null);
            return new Turn(locked, processed(message, null), List.of(), List.of(), false);
        }
        Understanding understanding = understood != null ? understood : understand(message);
        Shopper shopper = shoppers.find(locked.shopperId()).orElseThrow();
        ConversationFacts facts = facts(locked, shopper).answering(messageId);
        DialogueContext context = read(locked.dialogueContext());
        DialogueTurn answer;
        try {
            answer = understanding.result() == null ? dialogue.failed(context, facts)
                    : dialogue.respond(understanding.result(), context, facts);
        } catch (RuntimeException e) {
            LOG.warn("Dialogue failed on message {}", messageId, e);
            answer = dialogue.failed(context, facts);
        }
        List<ConversationEvent> published = new ArrayList<>();
        List<ConversationMessage> replies = new ArrayList<>();
        long seq = locked.lastSeq();
        for (Reply reply : answer.replies()) {
            ConversationMessage stored = outbound(locked, ++seq, Author.BOT, null, reply, messageId, now);
            messages.insert(stored, MessageIdScope.of(locked));
            replies.add(stored);
        }
        Conversation updated = locked.withLastSeq(seq, now)
                .withDialogue(write(answer.context()), answer.consecutiveFailures(), now);
        String needsHuman = escalation(new BotTurn(locked, shopper, message, recognitionConfidence,
                understanding.result(), context, answer, earlierMessages(message)));
        boolean marked = needsHuman != null && !locked.needsHuman();
        if (marked) {
            updated = updated.withNeedsHuman(true, needsHuman, now);
        }
        conversations.update(updated);
        messages.markProcessed(messageId, understanding.result());
        for (ConversationMessage reply : replies) {
            published.add(new MessageStored(updated, reply));
        }
        if (marked) {
            LOG.info("Conversation {} needs a person: {}", updated.id(), updated.needsHumanReason());
            published.add(new NeedsHumanChanged(updated, true, updated.needsHumanReason()));
        }
        return new Turn(updated, processed(message, understanding.result()), replies, published, true);
    }

    /** Why a person should take over after this turn (the checks' reasons, joined), or null. */
    @Nullable
    private String escalation(BotTurn turn) {
        if (escalationChecks.isEmpty()) {
            return turn.answer().needsHumanReason();
        }
        List<String> reasons = new ArrayList<>();
        for (EscalationCheck check : escalationChecks) {
            reasons.addAll(check.reasons(turn));
        }
        if (reasons.isEmpty()) {
            return null;
        }
        String joined = String.join("; ", reasons);
        return joined.length() <= NEEDS_HUMAN_REASON_LENGTH ? joined : joined.substring(0, NEEDS_HUMAN_REASON_LENGTH);
    }

    /** The shopper's few messages before this one: the checks look for the same question asked again. */
    private List<ConversationMessage> earlierMessages(ConversationMessage message) {
        return escalationChecks.isEmpty() ? List.of()
                : messages.findInboundBefore(message.conversationId(), message.seq(), EARLIER_MESSAGES);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ConversationMessage post(String conversationId, Author author, @Nullable String authorId, Reply reply) {
        Objects.requireNonNull(reply.text(), "text");
        Turn turn = transactions.executeWrite(status -> {
            Conversation locked = lockOrThrow(conversationId);
            if (author == Author.AGENT && locked.state() != ConversationState.AGENT) {
                throw new InvalidTransitionException("an agent can only write while the conversation is with an"
                        + " agent; it is " + locked.state().id());
            }
            Instant now = UtcColumns.now();
            Conversation updated = locked.withLastSeq(locked.lastSeq() + 1, now);
            ConversationMessage message = outbound(updated, updated.lastSeq(), author, authorId, reply, null, now);
            conversations.update(updated);
            messages.insert(message, MessageIdScope.of(updated));
            return new Turn(updated, message, List.of(), List.of(new MessageStored(updated, message)), true);
        });
        turn.events().forEach(events::publish);
        deliver(turn.conversation(), turn.message());
        return turn.message();
    }

    private Conversation setNeedsHuman(String conversationId, boolean needed, @Nullable String reason) {
        List<ConversationEvent> published = new ArrayList<>();
        Conversation result = transactions.executeWrite(status -> {
            Conversation locked = lockOrThrow(conversationId);
            if (locked.needsHuman() == needed && Objects.equals(locked.needsHumanReason(), reason)) {
                return locked;
            }
            Conversation updated = locked.withNeedsHuman(needed, reason, UtcColumns.now());
            conversations.update(updated);
            published.add(new NeedsHumanChanged(updated, needed, reason));
            return updated;
        });
        published.forEach(events::publish);
        return result;
    }

    /** Hands a stored outbound message to the channel's sender and records how far it got. */
    private void deliver(Conversation conversation, ConversationMessage message) {
        ChannelSender sender = senders.get(conversation.channel());
        if (sender == null) {
            return; // the channel renders TurnOutcome.replies itself
        }
        Delivery delivery;
        try {
            delivery = sender.deliver(conversation, message);
        } catch (RuntimeException e) {
            LOG.warn("Delivering message {} on {} failed", message.id(), conversation.channel().id(), e);
            delivery = Delivery.of(DeliveryStatus.FAILED);
        }
        record(conversation.id(), message.id(), delivery);
    }

    private void record(String conversationId, String messageId, Delivery delivery) {
        if (delivery.channelMessageId() != null) {
            messages.setChannelMessageId(messageId, delivery.channelMessageId());
        }
        if (delivery.status() != DeliveryStatus.QUEUED
                && messages.advanceDeliveryStatus(messageId, delivery.status(), UtcColumns.now())) {
            events.publish(new DeliveryStatusChanged(conversationId, messageId, delivery.status()));
        }
    }

    private Conversation lockOrThrow(String conversationId) {
        return conversations.lock(conversationId).orElseThrow(() -> new UnknownConversationException(conversationId));
    }

    /** Runs a write again when it lost a race on a unique key (two first contacts creating the same shopper). */
    private static <T> T retryingConflicts(java.util.function.Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= 3 || !(UtcColumns.isConstraintViolation(e) || UtcColumns.isTransientConflict(e))) {
                    throw e;
                }
            }
        }
    }

    private static ConversationMessage outbound(Conversation conversation, long seq, Author author,
                                                @Nullable String authorId, Reply reply, @Nullable String replyTo,
                                                Instant now) {
        return new ConversationMessage(UUID.randomUUID().toString(), conversation.id(), seq, Direction.OUTBOUND,
                author, authorId, reply.text(), reply.quickReplies(), reply.offers(), reply.expectsAnswer(),
                reply.handoff(), null, null, null, replyTo, true, DeliveryStatus.QUEUED, now);
    }

    private static ConversationMessage processed(ConversationMessage message, @Nullable NluResult result) {
        return new ConversationMessage(message.id(), message.conversationId(), message.seq(), message.direction(),
                message.author(), message.authorId(), message.text(), message.quickReplies(), message.offers(),
                message.expectsAnswer(), message.handoff(), message.payload(), result, message.channelMessageId(),
                message.replyToId(),
                true, message.deliveryStatus(), message.createdAt());
    }

    private static ConversationFacts facts(Conversation conversation, Shopper shopper) {
        return new ConversationFacts(conversation.id(), shopper.id(), conversation.channel(), conversation.locale(),
                shopper.displayName(), shopper.customerId());
    }

    private String localeOr(@Nullable String locale) {
        return locale == null || locale.isBlank() ? defaultLocale : locale;
    }

    private String write(DialogueContext context) {
        return json.write(context);
    }

    private DialogueContext read(String context) {
        try {
            return json.read(context, DialogueContext.class);
        } catch (RuntimeException e) {
            LOG.warn("Unreadable dialogue context, starting afresh", e);
            return DialogueContext.EMPTY;
        }
    }
}
