package dev.parley.conversation;

import dev.parley.conversation.ConversationEvent.MessageStored;
import dev.parley.conversation.ConversationEvent.NeedsHumanChanged;
import dev.parley.conversation.ConversationEvent.StateChanged;
import dev.parley.conversation.ConversationEvent.TypingChanged;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.catalog.ProductQuery;
import dev.parley.message.Channel;
import dev.parley.nlu.data.ResponseVariant;
import dev.parley.nlu.data.TrainingData;
import dev.parley.message.InboundMessage;
import dev.parley.message.OfferCard;
import dev.parley.message.QuickReply;
import dev.parley.message.Reply;
import dev.parley.testing.RecordingListener;
import dev.parley.testing.Rows;
import dev.parley.testing.RecordingPhoneSender;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conversation service against MariaDB, with the real NLU pipeline and intents/. */
@MicronautTest(transactional = false)
@Property(name = "parley.test.phone-sender", value = "true")
// the hand-off's escalation policy decides the mark; queueing is left out so the tests move states themselves
@Property(name = "parley.handoff.auto-queue", value = "false")
class ConversationServiceTest {

    @Inject
    ConversationService service;

    @Inject
    RecordingListener listener;

    @Inject
    RecordingPhoneSender phoneSender;

    @Inject
    Rows rows;

    @Inject
    TrainingData intents;

    @Inject
    ProductCatalog catalog;

    /** Every text a named response (intents/ system.yml) can say on web chat. */
    Set<String> variantsOf(String response) {
        return intents.responses().get(response).stream().filter(v -> v.channel() == null)
                .map(ResponseVariant::text).collect(java.util.stream.Collectors.toSet());
    }

    static InboundMessage said(Channel channel, String user, String session, String messageId, String text) {
        return new InboundMessage(channel, user, session, messageId, text, null, null, null, Instant.now(), Map.of());
    }

    ConversationStart webSession() {
        return service.start(new OpenConversation(Channel.WEBCHAT, "visitor-" + UUID.randomUUID(), null, null, null,
                null));
    }



    @Test
    void aSessionStartsWithAStoredGreeting() {
        ConversationStart start = service.start(new OpenConversation(Channel.WEBCHAT, "visitor-greet", null, "de-DE",
                null, "Dana"));
        assertEquals(start.conversation().id(), start.conversation().sessionId());
        assertEquals("de-DE", start.conversation().locale());
        assertEquals(ConversationState.BOT, start.conversation().state());
        assertEquals("Dana", start.shopper().displayName());
        assertEquals(1, start.greeting().seq());
        assertTrue(start.greeting().text().contains("Dana"), start.greeting().text());
        assertEquals(List.of(start.greeting()), service.messages(start.conversation().id(), 0, 10).messages());
    }

    @Test
    void aMessageIsStoredThenAnsweredFromRealOrders() throws Exception {
        // web chat without an open socket leaves replies queued, so what is read back equals what was returned
        TurnOutcome outcome = service.receive(said(Channel.WEBCHAT, "visitor-orders", "session-orders", "client-A1",
                "where is my order PA-345678"));
        assertFalse(outcome.duplicate());
        assertEquals(Direction.INBOUND, outcome.message().direction());
        assertEquals(Author.SHOPPER, outcome.message().author());
        assertEquals(1, outcome.message().seq());
        assertTrue(outcome.message().processed());
        assertEquals("order_status", outcome.message().nlu().intent().name());
        assertEquals(1, outcome.replies().size());
        ConversationMessage reply = outcome.replies().get(0);
        assertEquals(2, reply.seq());
        assertEquals(Author.BOT, reply.author());
        assertEquals(outcome.message().id(), reply.replyToId());
        assertEquals("Order PA-345678 is delivered.", reply.text());
        assertEquals(intents.intent("order_status").orElseThrow().quickReplies(),
                reply.quickReplies().stream().map(QuickReply::title).toList());
        assertEquals(2, rows.messagesIn(outcome.conversation().id()));
        // the stored rows read back exactly as returned
        assertEquals(List.of(outcome.message(), reply), service.messages(outcome.conversation().id(), 0, 10)
                .messages());

        TurnOutcome next = service.receive(said(Channel.WEBCHAT, "visitor-orders", "session-orders", "client-A2",
                "thanks"));
        assertEquals(outcome.conversation().id(), next.conversation().id(), "the open conversation is reused");
        assertEquals(3, next.message().seq());
    }

    @Test
    void anAcceptedMessageIsStoredOnceAndItsTurnRunsOnceWhenever() {
        InboundMessage message = said(Channel.PHONE, "+33100000077", "CA-77", "CA-77:1", "hi");
        AcceptedMessage accepted = service.accept(message);
        assertFalse(accepted.duplicate());
        assertFalse(accepted.message().processed());
        AcceptedMessage again = service.accept(message);
        assertTrue(again.duplicate());
        assertEquals(accepted.message().id(), again.message().id());
        String conversation = accepted.message().conversationId();
        assertEquals(1, rows.messagesIn(conversation), "stored, not answered");
        // a turn that never ran (the process stopped after storing) is found again, once it is old enough
        assertTrue(service.unfinishedTurns(Channel.PHONE, Instant.now().plusSeconds(1), 100).stream()
                .anyMatch(m -> m.id().equals(accepted.message().id())));
        assertTrue(service.unfinishedTurns(Channel.PHONE, Instant.now().minusSeconds(60), 100).stream()
                .noneMatch(m -> m.id().equals(accepted.message().id())));
        assertTrue(service.unfinishedTurns(Channel.WEBCHAT, Instant.now().plusSeconds(1), 100).stream()
                .noneMatch(m -> m.id().equals(accepted.message().id())), "other channels' messages are not listed");

        TurnOutcome first = service.completeTurn(accepted.message().id());
        TurnOutcome second = service.completeTurn(accepted.message().id());
        assertTrue(first.message().processed());
        assertEquals(1, first.replies().size());
        assertEquals(first.replies().stream().map(ConversationMessage::id).toList(),
                second.replies().stream().map(ConversationMessage::id).toList());
        assertEquals(2, rows.messagesIn(conversation));
        assertEquals(1, phoneSender.delivered.stream().filter(m -> m.conversationId().equals(conversation)).count(),
                "the reply was delivered once");
        assertTrue(service.unfinishedTurns(Channel.PHONE, Instant.now().plusSeconds(1), 100).stream()
                .noneMatch(m -> m.id().equals(accepted.message().id())));
    }

    @Test
    void aRedeliveredMessageReturnsTheStoredOutcomeWithoutASecondTurn() throws Exception {
        ConversationStart start = webSession();
        String session = start.conversation().id();
        InboundMessage message = said(Channel.WEBCHAT, start.conversation().channelUserId(), session, "client-1",
                "hello");
        TurnOutcome first = service.receive(message);
        for (int i = 0; i < 9; i++) {
            TurnOutcome again = service.receive(message);
            assertTrue(again.duplicate());
            assertEquals(first.message().id(), again.message().id());
            assertEquals(first.replies().stream().map(ConversationMessage::id).toList(),
                    again.replies().stream().map(ConversationMessage::id).toList());
        }
        assertEquals(3, rows.messagesIn(session)); // greeting, message, reply
        // the same client id in another session is another message
        ConversationStart other = webSession();
        TurnOutcome elsewhere = service.receive(said(Channel.WEBCHAT, other.conversation().channelUserId(),
                other.conversation().id(), "client-1", "hello"));
        assertFalse(elsewhere.duplicate());
        assertTrue(service.storedTurn(Channel.WEBCHAT, session, "client-1").isPresent());
        assertTrue(service.storedTurn(Channel.WEBCHAT, session, "client-404").isEmpty());
    }

    @Test
    void concurrentDeliveriesOfOneMessageMakeOneTurn() throws Exception {
        ConversationStart start = webSession();
        String session = start.conversation().id();
        InboundMessage message = said(Channel.WEBCHAT, start.conversation().channelUserId(), session, "client-c",
                "show me sneakers");
        List<TurnOutcome> outcomes = concurrently(10, () -> service.receive(message));
        assertEquals(1, outcomes.stream().map(o -> o.message().id()).distinct().count());
        assertEquals(1, outcomes.stream().map(o -> o.replies().get(0).id()).distinct().count());
        assertEquals(9, outcomes.stream().filter(TurnOutcome::duplicate).count());
        assertEquals(2 + outcomes.get(0).replies().size(), rows.messagesIn(session));
        assertEquals(1, rows.count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND direction = 'inbound'",
                session));
    }

    @Test
    void concurrentMessagesOfOneConversationGetDistinctContiguousSeqs() throws Exception {
        ConversationStart start = webSession();
        String session = start.conversation().id();
        List<Callable<TurnOutcome>> sends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "client-" + i;
            sends.add(() -> service.receive(said(Channel.WEBCHAT, start.conversation().channelUserId(), session, id,
                    "thanks")));
        }
        concurrently(sends);
        List<Long> seqs = service.messages(session, 0, 100).messages().stream().map(ConversationMessage::seq)
                .toList();
        assertEquals(17, seqs.size());
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i + 1, seqs.get(i));
        }
    }

    @Test
    void whileQueuedOrWithAnAgentTheBotStaysQuiet() {
        ConversationStart start = webSession();
        String id = start.conversation().id();
        service.transition(id, ConversationState.QUEUED, "shopper_asked");
        TurnOutcome queued = service.receive(said(Channel.WEBCHAT, start.conversation().channelUserId(), id, "q-1",
                "hello?"));
        assertTrue(queued.replies().isEmpty());
        assertTrue(queued.message().processed());
        assertNull(queued.message().nlu());

        service.transition(id, ConversationState.AGENT, "agent_accepted");
        Reply answer = new Reply("Hi, I'm Sam. Your parcel left today.", List.of(), List.of(new OfferCard("o-1",
                "d-1", "10% off", "On your next order", "SAVE10", null, null, null, null, null)), true, false);
        ConversationMessage agent = service.postAgentMessage(id, "agent-sam", answer);
        assertEquals(Author.AGENT, agent.author());
        assertEquals("agent-sam", agent.authorId());
        assertEquals(Direction.OUTBOUND, agent.direction());
        ConversationMessage stored = service.messages(id, agent.seq() - 1, 1).messages().get(0);
        assertEquals("SAVE10", stored.offers().get(0).couponCode());

        assertTrue(service.receive(said(Channel.WEBCHAT, start.conversation().channelUserId(), id, "q-2",
                "thanks")).replies().isEmpty());
        service.postSystemMessage(id, Reply.text("You're back with the assistant."));
        Conversation back = service.transition(id, ConversationState.BOT, "agent_done");
        assertEquals(ConversationState.BOT, back.state());
        assertEquals(1, service.receive(said(Channel.WEBCHAT, start.conversation().channelUserId(), id, "q-3",
                "hello")).replies().size());
    }

    @Test
    void transitionsAreValidated() {
        ConversationStart start = webSession();
        String id = start.conversation().id();
        assertThrows(InvalidTransitionException.class, () -> service.postAgentMessage(id, "agent-1",
                Reply.text("hi")));
        service.transition(id, ConversationState.CLOSED, "resolved");
        InvalidTransitionException error = assertThrows(InvalidTransitionException.class,
                () -> service.transition(id, ConversationState.AGENT, "nope"));
        assertEquals("a conversation cannot move from closed to agent", error.getMessage());
        assertEquals(ConversationState.CLOSED, service.transition(id, ConversationState.CLOSED, "again").state());
        assertThrows(UnknownConversationException.class,
                () -> service.transition("no-such-id", ConversationState.QUEUED, "x"));
        for (ConversationState from : ConversationState.values()) {
            assertFalse(from.canMoveTo(from));
        }
        assertTrue(ConversationState.AGENT.canMoveTo(ConversationState.BOT));
        assertTrue(ConversationState.QUEUED.canMoveTo(ConversationState.BOT));
    }

    @Test
    void aShopperWritingToAClosedConversationReopensItWithTheBot() {
        ConversationStart start = webSession();
        String id = start.conversation().id();
        service.transition(id, ConversationState.CLOSED, "resolved");
        TurnOutcome outcome = service.receive(said(Channel.WEBCHAT, start.conversation().channelUserId(), id, "r-1",
                "hello again"));
        assertEquals(ConversationState.BOT, outcome.conversation().state());
        assertEquals(1, outcome.replies().size());
        assertTrue(listener.of(id).stream().anyMatch(e -> e instanceof StateChanged s
                && s.from() == ConversationState.CLOSED && s.to() == ConversationState.BOT));
    }

    @Test
    void repeatedFailureMarksTheConversationForAPerson() {
        ConversationStart start = webSession();
        String id = start.conversation().id();
        String user = start.conversation().channelUserId();
        TurnOutcome first = service.receive(said(Channel.WEBCHAT, user, id, "f-1", "solve this integral for me"));
        assertTrue(variantsOf("ask_rephrase").contains(first.replies().get(0).text()), first.replies().get(0).text());
        assertFalse(first.conversation().needsHuman());
        assertEquals(1, first.conversation().consecutiveFailures());
        TurnOutcome second = service.receive(said(Channel.WEBCHAT, user, id, "f-2",
                "who won the football world cup in 1998"));
        assertTrue(second.conversation().needsHuman());
        assertEquals("uncertain_turns: out_of_scope x2", second.conversation().needsHumanReason());
        assertEquals("uncertain_turns: out_of_scope x2", service.find(id).orElseThrow().needsHumanReason());
        assertEquals(1, listener.of(id).stream().filter(e -> e instanceof NeedsHumanChanged n && n.needsHuman())
                .count());

        Conversation cleared = service.transition(id, ConversationState.QUEUED, "handoff");
        assertTrue(cleared.needsHuman(), "the mark stays while a person takes over");
        Conversation back = service.transition(id, ConversationState.BOT, "returned");
        assertFalse(back.needsHuman());
        assertEquals(0, back.consecutiveFailures());
    }

    @Test
    void askingForAPersonMarksTheConversation() {
        TurnOutcome outcome = service.receive(said(Channel.PHONE, "+4915100000002", "CA-human", "CA-human:1",
                "can I talk to a human please"));
        assertEquals("talk_to_human", outcome.message().nlu().intent().name());
        assertEquals("explicit_request: talk_to_human", outcome.conversation().needsHumanReason());
        assertTrue(outcome.conversation().needsHuman());
    }

    @Test
    void eventsArePublishedForEveryStoredMessageAndTyping() {
        ConversationStart start = webSession();
        String id = start.conversation().id();
        TurnOutcome outcome = service.receive(said(Channel.WEBCHAT, start.conversation().channelUserId(), id, "e-1",
                "hi"));
        List<ConversationEvent> events = listener.of(id);
        List<String> stored = events.stream().filter(e -> e instanceof MessageStored)
                .map(e -> ((MessageStored) e).message().id()).toList();
        assertEquals(List.of(start.greeting().id(), outcome.message().id(), outcome.replies().get(0).id()), stored);
        List<Boolean> typing = events.stream().filter(e -> e instanceof TypingChanged t && t.author() == Author.BOT)
                .map(e -> ((TypingChanged) e).on()).toList();
        assertEquals(List.of(true, false), typing);
    }

    @Test
    void outboundMessagesGoThroughTheChannelSenderAndStatusOnlyMovesForward() {
        TurnOutcome outcome = service.receive(said(Channel.PHONE, "+33100000001", "CA-1", "CA-1:1",
                "what are your opening hours in Paris"));
        ConversationMessage reply = outcome.replies().get(0);
        assertTrue(phoneSender.delivered.stream().anyMatch(m -> m.id().equals(reply.id())));
        ConversationMessage stored = storedMessage(outcome.conversation().id(), reply.id());
        assertEquals(DeliveryStatus.SENT, stored.deliveryStatus());
        assertEquals("provider-" + reply.id(), stored.channelMessageId());

        assertTrue(service.updateDeliveryStatus(Channel.PHONE, "provider-" + reply.id(), DeliveryStatus.READ));
        assertFalse(service.updateDeliveryStatus(reply.id(), DeliveryStatus.DELIVERED), "read never goes back");
        assertFalse(service.updateDeliveryStatus(reply.id(), DeliveryStatus.FAILED));
        assertFalse(service.updateDeliveryStatus(reply.id(), DeliveryStatus.SENT));
        assertEquals(DeliveryStatus.READ, storedMessage(outcome.conversation().id(), reply.id()).deliveryStatus());
        assertFalse(service.updateDeliveryStatus("no-such-message", DeliveryStatus.READ));
    }

    @Test
    void failedCanBeOvertakenByDeliveryButNotTheOtherWay() {
        ConversationStart start = webSession();
        String id = start.greeting().id();
        assertTrue(service.updateDeliveryStatus(id, DeliveryStatus.FAILED));
        assertTrue(service.updateDeliveryStatus(id, DeliveryStatus.DELIVERED));
        assertFalse(service.updateDeliveryStatus(id, DeliveryStatus.FAILED));
        assertFalse(service.updateDeliveryStatus(id, DeliveryStatus.QUEUED));
        assertEquals(Set.of(), DeliveryStatus.QUEUED.replaces());
    }

    @Test
    void aCustomerIdLinksIdentitiesToOneShopper() {
        String customer = "cust-" + UUID.randomUUID();
        ConversationStart web = service.start(new OpenConversation(Channel.WEBCHAT, "v-" + UUID.randomUUID(), null,
                null, customer, null));
        ConversationStart laterDevice = service.start(new OpenConversation(Channel.WEBCHAT, "v-" + UUID.randomUUID(),
                null, null, customer, "Noor"));
        assertEquals(web.shopper().id(), laterDevice.shopper().id());
        assertEquals("Noor", service.shopper(web.shopper().id()).orElseThrow().displayName());

        String visitor = "v-" + UUID.randomUUID();
        ConversationStart anonymous = service.start(new OpenConversation(Channel.WEBCHAT, visitor, null, null, null,
                null));
        ConversationStart sameVisitor = service.start(new OpenConversation(Channel.WEBCHAT, visitor, null, null, null,
                null));
        assertEquals(anonymous.shopper().id(), sameVisitor.shopper().id(), "the same visitor is the same shopper");
        ConversationStart loggedIn = service.start(new OpenConversation(Channel.WEBCHAT, visitor, null, null, customer,
                null));
        assertEquals(web.shopper().id(), loggedIn.shopper().id(), "logging in joins the customer's shopper");
    }

    @Test
    void emojiAndRightToLeftTextSurviveStorage() {
        ConversationStart start = webSession();
        String text = "שלום 👋 مرحبا";
        TurnOutcome outcome = service.receive(said(Channel.WEBCHAT, start.conversation().channelUserId(),
                start.conversation().id(), "u-1", text));
        assertEquals(text, storedMessage(start.conversation().id(), outcome.message().id()).text());
    }

    @Test
    void aQuickReplyPayloadSkipsTheNlu() {
        ConversationStart start = webSession();
        InboundMessage picked = new InboundMessage(Channel.WEBCHAT, start.conversation().channelUserId(),
                start.conversation().id(), "p-1", "Track parcel", "/track_parcel", null, null, Instant.now(), Map.of());
        TurnOutcome outcome = service.receive(picked);
        assertEquals("track_parcel", outcome.message().nlu().intent().name());
        assertEquals(1.0, outcome.message().nlu().intent().confidence());
        assertEquals("/track_parcel", storedMessage(start.conversation().id(), outcome.message().id()).payload());
        assertEquals(intents.intent("track_parcel").orElseThrow().slots().get(0).prompt(),
                outcome.replies().get(0).text());
    }

    @Test
    void theDialogueContextIsCarriedAcrossTurnsInTheDatabase() {
        ConversationStart start = webSession();
        String id = start.conversation().id();
        String user = start.conversation().channelUserId();
        TurnOutcome search = service.receive(said(Channel.WEBCHAT, user, id, "s-1", "show me red sneakers"));
        assertEquals(topProducts("red", null), search.replies().get(1).text());
        TurnOutcome black = service.receive(said(Channel.WEBCHAT, user, id, "s-2", "and in black?"));
        assertEquals(topProducts("black", null), black.replies().get(1).text());
        TurnOutcome corrected = service.receive(said(Channel.WEBCHAT, user, id, "s-3", "no, size 42"));
        assertEquals(topProducts("black", "42"), corrected.replies().get(1).text());
    }

    @Test
    void anUnknownSessionOpensAConversationForIt() {
        TurnOutcome outcome = service.receive(said(Channel.ALEXA, "amzn1.account.X", "amzn1.echo-api.session.1",
                "req-1", "hello"));
        assertEquals("amzn1.echo-api.session.1", outcome.conversation().sessionId());
        assertEquals("Hello! How can I help you today?", outcome.replies().get(0).text(), "the voice variant");
        assertEquals(outcome.conversation().id(), service.findBySession(Channel.ALEXA, "amzn1.echo-api.session.1")
                .orElseThrow().id());
    }

    /** The product list the assistant shows for a sneaker search, as the catalogue has it. */
    private String topProducts(String color, String size) {
        List<Product> matches = catalog.search(new ProductQuery("sneakers", null, color, null, size, null, true, 3));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < matches.size(); i++) {
            Product product = matches.get(i);
            lines.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(product.name()).append(", ")
                    .append(product.price().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()).append(" ")
                    .append(product.currency());
        }
        return lines.toString();
    }

    private ConversationMessage storedMessage(String conversationId, String messageId) {
        return service.messages(conversationId, 0, 100).messages().stream().filter(m -> m.id().equals(messageId))
                .findFirst().orElseThrow();
    }

    private static <T> List<T> concurrently(int times, Callable<T> task) throws Exception {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            tasks.add(task);
        }
        return concurrently(tasks);
    }

    /** Starts all tasks at once (a latch), waits for all, rethrows the first failure. */
    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
