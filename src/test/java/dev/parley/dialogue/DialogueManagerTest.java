package dev.parley.dialogue;

import dev.parley.message.Channel;
import dev.parley.message.QuickReply;
import dev.parley.message.Reply;
import dev.parley.nlu.Entity;
import dev.parley.nlu.IntentScore;
import dev.parley.nlu.NluResult;
import dev.parley.nlu.Sentiment;
import dev.parley.nlu.data.IntentDefinition;
import dev.parley.nlu.data.ResponseVariant;
import dev.parley.nlu.data.TrainingData;
import dev.parley.testing.TestIntents;
import static dev.parley.testing.Nlu.ambiguous;
import static dev.parley.testing.Nlu.entity;
import static dev.parley.testing.Nlu.outOfScope;
import static dev.parley.testing.Nlu.said;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dialogue's reasoning with hand-built NLU results, over the test intents and recording actions (the real
 * actions over the database are covered by DialogueActionsTest).
 */
class DialogueManagerTest {

    /** Records the slots it ran with; answers like the real action would. */
    static final class RecordingAction implements DialogueAction {
        final String name;
        final List<String> required;
        final Set<String> optional;
        final boolean confirms;
        final List<Map<String, String>> runs = new ArrayList<>();

        RecordingAction(String name, List<String> required, Set<String> optional, boolean confirms) {
            this.name = name;
            this.required = required;
            this.optional = optional;
            this.confirms = confirms;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> requiredInputs() {
            return required;
        }

        @Override
        public Set<String> optionalInputs() {
            return optional;
        }

        @Override
        public boolean needsConfirmation() {
            return confirms;
        }

        @Override
        public Map<String, String> preview(ActionContext context) {
            return Map.of("order.status", "placed");
        }

        @Override
        public ActionResult run(ActionContext context) {
            runs.add(context.slots());
            if ("PA-000000".equals(context.slot("order_number"))) {
                return ActionResult.retry("order_number", "order_not_found",
                        Map.of("order_number", "PA-000000"));
            }
            if (name.equals("change_address")) {
                return context.slot("address") == null
                        ? ActionResult.awaiting("address", Map.of("order.status", "processing"))
                        : ActionResult.respond("address_changed", Map.of());
            }
            if (name.equals("price_check") && context.slots().isEmpty()) {
                return ActionResult.of(Map.of());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("order.number", String.valueOf(context.slot("order_number")));
            fields.put("order.status", "shipped");
            fields.put("order.eta", "Friday 27 November");
            fields.put("order.carrier", "DHL");
            fields.put("order.tracking_url", "https://tracking.example.com/dhl/1");
            fields.put("order.refund_amount", "10.00 EUR");
            fields.put("search.count", "3");
            fields.put("search.description", String.join(" ", context.slots().values()));
            fields.put("products", "A, B, C");
            fields.put("product.name", "A");
            fields.put("product.price", "9.99 EUR");
            fields.put("products", "1. A\n2. B");
            return confirms ? ActionResult.respond("order_cancelled", fields)
                    : name.equals("product_search") && context.slot("color") != null
                    && context.slot("color").equals("green") ? ActionResult.of(fields).followedBy("product_list")
                    : ActionResult.of(fields);
        }
    }

    final RecordingAction orderStatus = new RecordingAction("order_status", List.of("order_number"), Set.of(), false);
    final RecordingAction trackParcel = new RecordingAction("track_parcel", List.of("order_number"), Set.of(), false);
    final RecordingAction cancelOrder = new RecordingAction("cancel_order", List.of("order_number"), Set.of(), true);
    final RecordingAction changeAddress = new RecordingAction("change_address", List.of("order_number"), Set.of(),
            false);
    final RecordingAction priceCheck = new RecordingAction("price_check", List.of(),
            Set.of("category", "color", "size", "brand"), false);
    final RecordingAction productSearch = new RecordingAction("product_search", List.of("category"),
            Set.of("color", "size", "brand"), false);
    final TrainingData data = TestIntents.build();
    final JsonMapper json = JsonMapper.createDefault();
    final DialogueManager dialogue = manager(data, DialogueSettings.DEFAULTS);
    final ConversationFacts web = new ConversationFacts("c-1", "s-1", Channel.WEBCHAT, "en", null, null);

    DialogueManager manager(TrainingData trainingData, DialogueSettings settings) {
        List<DialogueAction> actions = new ArrayList<>(List.of(orderStatus, trackParcel, cancelOrder, changeAddress,
                productSearch, priceCheck, new RecordingAction("refund_status", List.of("order_number"), Set.of(), false),
                new RecordingAction("stock_availability", List.of(), Set.of(), false),
                new RecordingAction("store_locations", List.of(), Set.of(), false),
                new RecordingAction("store_hours", List.of("city"), Set.of(), false)));
        return new DialogueManager(trainingData, new ResponseTemplates(trainingData), new DialogueActions(actions),
                settings, json, OfferAdvisor.NONE);
    }


    /** Runs messages in turn, carrying the context like the conversation does; returns every turn. */
    List<DialogueTurn> chat(NluResult... messages) {
        List<DialogueTurn> turns = new ArrayList<>();
        DialogueContext context = DialogueContext.EMPTY;
        for (NluResult message : messages) {
            DialogueTurn turn = dialogue.respond(message, context, web);
            turns.add(turn);
            context = turn.context();
        }
        return turns;
    }

    static String text(DialogueTurn turn) {
        assertEquals(1, turn.replies().size());
        return turn.replies().get(0).text();
    }

    @Test
    void slotFillingAsksForTheMissingSlotThenAnswers() {
        List<DialogueTurn> turns = chat(said("where is my order", "order_status"),
                outOfScope("PA-123456", entity("order_number", "PA-123456")));
        assertEquals("What's your order number? It looks like PA-123456.", text(turns.get(0)));
        assertEquals("order_status", turns.get(0).context().activeIntent());
        assertEquals("order_number", turns.get(0).context().pendingSlot());
        assertEquals("Order PA-123456 is shipped. It should arrive on Friday 27 November.", text(turns.get(1)));
        assertEquals(List.of(Map.of("order_number", "PA-123456")), orderStatus.runs);
        assertNull(turns.get(1).context().activeIntent());
        assertEquals("order_status", turns.get(1).context().lastIntent());
    }

    @Test
    void aBareAnswerIsReadWithTheEntityDefinition() {
        List<DialogueTurn> turns = chat(said("where is my order", "order_status"),
                outOfScope("it's pa 123456 I think"));
        assertEquals("pa 123456", orderStatus.runs.get(0).get("order_number"));
        assertTrue(text(turns.get(1)).startsWith("Order pa 123456 is shipped"));
    }

    @Test
    void slotAnswerReaderUsesLookupsSynonymsAndCuedRegexes() {
        SlotAnswerReader reader = new SlotAnswerReader(data);
        assertEquals(Optional.of("42"), reader.read("size", "42"));
        assertEquals(Optional.of("M"), reader.read("size", "medium please"));
        assertEquals(Optional.of("navy"), reader.read("color", "Navy Blue!"));
        assertEquals(Optional.of("PA-123456"), reader.read("order_number", "it is PA-123456"));
        assertEquals(Optional.empty(), reader.read("size", "99"));
        assertEquals(Optional.empty(), reader.read("color", "bluetooth"));
        assertFalse(reader.isDefined("address"));
    }

    @Test
    void aMissingSlotIsRepromptedAndRepeatedFailureMarksForAHuman() {
        List<DialogueTurn> turns = chat(said("where is my order", "order_status"), outOfScope("hmm"),
                outOfScope("no idea"));
        assertEquals("Sorry, I didn't catch that. What's your order number? It looks like PA-123456.",
                text(turns.get(1)));
        assertNull(turns.get(1).needsHumanReason());
        assertEquals(1, turns.get(1).consecutiveFailures());
        assertEquals("missing_order_number x2", turns.get(2).needsHumanReason());
        assertEquals("order_number", turns.get(2).context().pendingSlot());
        assertTrue(orderStatus.runs.isEmpty());
    }

    @Test
    void aFollowUpReusesTheLastSearchWithTheChangedValue() {
        chat(said("red sneakers", "product_search", entity("category", "sneakers"), entity("color", "red")),
                outOfScope("and in blue?", entity("color", "blue")));
        assertEquals(Map.of("category", "sneakers", "color", "red"), productSearch.runs.get(0));
        assertEquals(Map.of("category", "sneakers", "color", "blue"), productSearch.runs.get(1));
    }

    @Test
    void aCorrectionReplacesTheValue() {
        List<DialogueTurn> turns = chat(said("sneakers size 41", "product_search", entity("category", "sneakers"),
                        entity("size", "41")),
                said("no, size 42", "deny", entity("size", "42")));
        assertEquals(Map.of("category", "sneakers", "size", "42"), productSearch.runs.get(1));
        assertEquals("I found 3 sneakers 42: 1. A\n2. B.", text(turns.get(1)));
    }

    @Test
    void aBriefMessageWhoseIntentIgnoresItsValuesRefinesTheLastAnswer() {
        // the real model reads "no, size 42" as size advice; the size is what matters here
        NluResult sizeAdvice = new NluResult("no, size 42", new IntentScore("size_advice", 0.9),
                List.of(new IntentScore("size_advice", 0.9)), List.of(new Entity("size", "42", 9, 11, "42", "regex")),
                Sentiment.NEUTRAL, false, false, Map.of());
        chat(said("sneakers", "product_search", entity("category", "sneakers")), sizeAdvice);
        assertEquals(Map.of("category", "sneakers", "size", "42"), productSearch.runs.get(1));

        // a long message with a stray entity (fuzzy "sea" → white) is answered as what it is
        NluResult poem = new NluResult("can you write me a poem about the sea", new IntentScore("chitchat", 0.8),
                List.of(new IntentScore("chitchat", 0.8)), List.of(new Entity("color", "sea", 34, 37, "white",
                "fuzzy")), Sentiment.NEUTRAL, false, false, Map.of());
        List<DialogueTurn> turns = chat(said("sneakers", "product_search", entity("category", "sneakers")), poem);
        assertEquals("I'm just a shopping assistant.", text(turns.get(1)));
        assertEquals(3, productSearch.runs.size());

        // size advice that takes the category it was given is size advice
        List<DialogueTurn> advice = chat(said("sneakers", "product_search", entity("category", "sneakers")),
                said("what size sneakers", "size_advice", new Entity("category", "sneakers", 10, 18, "sneakers",
                        "lookup")));
        assertEquals("Our sneakers run true to size.", text(advice.get(1)));
    }

    @Test
    void aNewSearchDoesNotCarryTheOldFilters() {
        chat(said("red sneakers", "product_search", entity("category", "sneakers"), entity("color", "red")),
                said("show me jackets", "product_search", entity("category", "jackets")));
        assertEquals(Map.of("category", "jackets"), productSearch.runs.get(1));
    }

    @Test
    void slotValuesCarryOverToTheNextIntent() {
        chat(said("where is PA-123456", "order_status", entity("order_number", "PA-123456")),
                said("can I track it", "track_parcel"));
        assertEquals(Map.of("order_number", "PA-123456"), trackParcel.runs.get(0));
    }

    @Test
    void anAmbiguousMessageOffersTheTopIntentsAsQuickReplies() {
        DialogueTurn turn = chat(ambiguous("parcel order", "order_status", "track_parcel")).get(0);
        Reply reply = turn.replies().get(0);
        assertEquals("Did you mean Order status or Track parcel?", reply.text());
        assertEquals(List.of(new QuickReply("Order status", "/order_status"),
                new QuickReply("Track parcel", "/track_parcel")), reply.quickReplies());
        assertEquals(List.of("order_status", "track_parcel"), turn.context().offeredIntents());
        assertEquals(1, turn.consecutiveFailures());
    }

    @Test
    void aQuickReplyPayloadIsTakenAsTheIntentWithoutNlu() {
        NluResult picked = dialogue.shortcut("Track parcel", "/track_parcel").orElseThrow();
        assertEquals("track_parcel", picked.intent().name());
        assertEquals(1.0, picked.intent().confidence());
        NluResult withEntities = dialogue.shortcut("/product_search{\"color\":\"blue\"}", null).orElseThrow();
        assertEquals("blue", withEntities.entity("color").orElseThrow().value());
        assertTrue(dialogue.shortcut("/no_such_intent", null).isEmpty());
        assertTrue(dialogue.shortcut("hello", "hello").isEmpty());
    }

    @Test
    void rejectingTheOptionsAsksToRephraseAndCountsAsAFailure() {
        List<DialogueTurn> turns = chat(ambiguous("parcel order", "order_status", "track_parcel"),
                said("no", "deny"));
        assertEquals("Sorry, could you rephrase that?", text(turns.get(1)));
        assertEquals("ambiguous x1, rejected_options x1", turns.get(1).needsHumanReason());
    }

    @Test
    void outOfScopeAsksToRephraseAndTheSecondInARowMarksForAHuman() {
        List<DialogueTurn> turns = chat(outOfScope("what's the meaning of life"), outOfScope("tell me a joke"));
        assertEquals("Sorry, could you rephrase that?", text(turns.get(0)));
        assertNull(turns.get(0).needsHumanReason());
        assertEquals("out_of_scope x2", turns.get(1).needsHumanReason());
    }

    @Test
    void theFailureThresholdIsConfigurableAndSuccessResetsTheStreak() {
        DialogueManager patient = manager(data, new DialogueSettings(3, 3));
        DialogueTurn first = patient.respond(outOfScope("blah"), DialogueContext.EMPTY, web);
        DialogueTurn second = patient.respond(outOfScope("blah"), first.context(), web);
        assertNull(second.needsHumanReason());
        DialogueTurn success = patient.respond(said("hi", "greet"), second.context(), web);
        assertEquals(0, success.consecutiveFailures());
        DialogueTurn third = patient.respond(outOfScope("blah"), success.context(), web);
        assertNull(third.needsHumanReason());
    }

    @Test
    void voiceChannelsGetTheVoiceVariant() {
        ConversationFacts alexa = new ConversationFacts("c-2", "s-2", Channel.ALEXA, "en", null, null);
        ConversationFacts phone = new ConversationFacts("c-3", "s-3", Channel.PHONE, "en", null, null);
        String expected = "Hello from Parley. What can I do for you?";
        assertEquals(expected, text(dialogue.respond(said("hi", "greet"), DialogueContext.EMPTY, alexa)));
        assertEquals(expected, text(dialogue.respond(said("hi", "greet"), DialogueContext.EMPTY, phone)));
        assertEquals("Hi, how can I help?", text(dialogue.respond(said("hi", "greet"), DialogueContext.EMPTY, web)));
        ConversationFacts named = new ConversationFacts("c-4", "s-4", Channel.WEBCHAT, "en", "Dana", null);
        assertEquals("Hi Dana, how can I help?", text(dialogue.respond(said("hi", "greet"), DialogueContext.EMPTY,
                named)));
    }

    @Test
    void voiceFallsBackToTheGenericVariantWhenItHasNone() {
        ConversationFacts alexa = new ConversationFacts("c-2", "s-2", Channel.ALEXA, "en", null, null);
        assertEquals("You're welcome!", text(dialogue.respond(said("thanks", "thanks"), DialogueContext.EMPTY,
                alexa)));
        DialogueTurn search = dialogue.respond(said("sneakers", "product_search", entity("category", "sneakers")),
                DialogueContext.EMPTY, alexa);
        assertEquals("I found 3 sneakers. The most popular is A.", text(search));
    }

    @Test
    void changesWaitForAYes() {
        List<DialogueTurn> turns = chat(said("cancel PA-567890", "cancel_order", entity("order_number", "PA-567890")),
                said("yes", "affirm"));
        Reply question = turns.get(0).replies().get(0);
        assertEquals("Order PA-567890 is placed. Do you want me to cancel it?", question.text(),
                "the intent's response is the question");
        assertEquals(List.of("/affirm", "/deny"), question.quickReplies().stream().map(QuickReply::payload).toList());
        assertEquals(1, cancelOrder.runs.size());
        assertEquals("Done: order PA-567890 is cancelled.", text(turns.get(1)));
    }

    @Test
    void repeatingTheRequestCountsAsYesAndAnythingElseDropsTheChange() {
        NluResult cancel = said("cancel PA-567890", "cancel_order", entity("order_number", "PA-567890"));
        chat(cancel, said("yes cancel it", "cancel_order"));
        assertEquals(1, cancelOrder.runs.size());
        List<DialogueTurn> other = chat(cancel, said("hi", "greet"), said("yes", "affirm"));
        assertEquals(1, cancelOrder.runs.size(), "a yes after another question confirms nothing");
        assertFalse(other.get(1).context().awaitingConfirmation());
    }

    @Test
    void aNoLeavesTheOrderAlone() {
        List<DialogueTurn> turns = chat(said("cancel PA-567890", "cancel_order", entity("order_number", "PA-567890")),
                said("no", "deny"));
        assertTrue(cancelOrder.runs.isEmpty());
        assertEquals("OK, I've left everything as it was.", text(turns.get(1)));
        assertFalse(turns.get(1).context().awaitingConfirmation());
    }

    @Test
    void anUnknownOrderNumberIsAskedForAgain() {
        List<DialogueTurn> turns = chat(said("where is PA-000000", "order_status", entity("order_number", "PA-000000")),
                outOfScope("PA-123456", entity("order_number", "PA-123456")));
        assertEquals("I couldn't find order PA-000000. Could you check the number? It looks like PA-123456.",
                text(turns.get(0)));
        assertEquals("order_number", turns.get(0).context().pendingSlot());
        assertEquals("PA-123456", orderStatus.runs.get(1).get("order_number"));
    }

    @Test
    void aFreeTextSlotTakesTheAnswerButAClearRequestEscapesIt() {
        List<DialogueTurn> turns = chat(said("change address of PA-111111", "change_address",
                        entity("order_number", "PA-111111")),
                outOfScope("10 Downing Street, London"));
        assertEquals("Order PA-111111 is processing. Please type the full new address.", text(turns.get(0)),
                "the action asks through the intent's response");
        assertEquals("address", turns.get(0).context().pendingSlot());
        assertEquals("Done: order PA-111111 will be delivered to 10 Downing Street, London.", text(turns.get(1)));
        assertEquals("10 Downing Street, London", changeAddress.runs.get(1).get("address"));

        int before = changeAddress.runs.size();
        List<DialogueTurn> escaped = chat(said("change address of PA-111111", "change_address",
                entity("order_number", "PA-111111")), said("let me talk to a person", "talk_to_human"));
        assertEquals("Let me find a colleague for you.", text(escaped.get(1)));
        assertEquals(DialogueManager.REQUESTED_BY_SHOPPER, escaped.get(1).needsHumanReason());
        assertEquals(before + 1, changeAddress.runs.size(), "asked for the address once");
        assertNull(changeAddress.runs.get(before).get("address"), "and never applied one");
    }

    @Test
    void aClearNewRequestAbandonsTheQuestion() {
        List<DialogueTurn> turns = chat(said("where is my order", "order_status"),
                said("red sneakers", "product_search", entity("category", "sneakers"), entity("color", "red")));
        assertEquals("product_search", turns.get(1).context().lastIntent());
        assertNull(turns.get(1).context().pendingSlot());
    }

    @Test
    void quickRepliesOfTheIntentAreOffered() {
        Reply reply = chat(said("help", "help")).get(0).replies().get(0);
        assertEquals(List.of("Where is my order?", "Find sneakers", "Talk to a person"),
                reply.quickReplies().stream().map(QuickReply::title).toList());
        assertFalse(chat(said("bye", "goodbye")).get(0).replies().get(0).expectsAnswer());
    }

    @Test
    void anIntentWhoseActionIsNotImplementedAnswersWithAResponseThatNeedsNoFields() {
        List<IntentDefinition> intents = new ArrayList<>(data.intents());
        intents.add(new IntentDefinition("weather", "", List.of(), List.of(new ResponseVariant("It's {weather.sky}.",
                null), new ResponseVariant("I can't see the sky from here.", null)), List.of(), "weather_lookup",
                List.of()));
        TrainingData withWeather = new TrainingData(intents, data.entities(), data.responses());
        DialogueManager tolerant = manager(withWeather, DialogueSettings.DEFAULTS);
        assertEquals(List.of("weather → weather_lookup"), new DialogueActions(List.of()).unimplemented(withWeather)
                .stream().filter(s -> s.startsWith("weather")).toList());
        assertEquals("I can't see the sky from here.", text(tolerant.respond(said("weather?", "weather"),
                DialogueContext.EMPTY, web)));
    }

    @Test
    void aRequestNamingNoneOfItsInputsIsAboutWhatTheLastAnswerWasAbout() {
        chat(said("red sneakers", "product_search", entity("category", "sneakers"), entity("color", "red")),
                said("how much is it", "price_check"));
        assertEquals(Map.of("category", "sneakers", "color", "red"), priceCheck.runs.get(0));
        List<DialogueTurn> fresh = chat(said("how much is it", "price_check"));
        assertEquals("Which product would you like the price of?", text(fresh.get(0)));
    }

    @Test
    void anActionMayAddAFollowUpMessage() {
        DialogueTurn turn = chat(said("green sneakers", "product_search", entity("category", "sneakers"),
                entity("color", "green"))).get(0);
        assertEquals(2, turn.replies().size());
        assertEquals("1. A\n2. B", turn.replies().get(1).text());
    }

    @Test
    void namedResponsesFallBackToTheirDocumentedDefaults() {
        ResponseTemplates templates = new ResponseTemplates(data);
        assertEquals("Sorry, could you rephrase that?", templates.named("ask_rephrase", Channel.WEBCHAT, Map.of()));
        assertEquals("I'm passing you to a colleague. You're number 3 in the queue, about 5 minutes.",
                templates.named("handoff_queued", Channel.WEBCHAT, Map.of("position", "3", "wait_minutes", "5")));
        assertTrue(templates.namesUsingDefaults().contains("handoff_offline"));
        assertFalse(templates.namesUsingDefaults().contains("ask_rephrase"));
        // never throws, even for a name nobody defined or values that are missing
        assertFalse(templates.named("handoff_queued", Channel.WEBCHAT, Map.of()).contains("{"));
        assertFalse(templates.named("no_such_response", Channel.WEBCHAT, Map.of()).isBlank());
    }

    @Test
    void theGreetingUsesTheShoppersNameWhenKnown() {
        assertEquals("Hi! How can I help you today?", dialogue.greeting(web).text());
        ConversationFacts named = new ConversationFacts("c-4", "s-4", Channel.WEBCHAT, "en", "Dana", null);
        assertEquals("Hi Dana! How can I help you today?", dialogue.greeting(named).text());
    }

    @Test
    void theContextSurvivesJson() throws Exception {
        DialogueContext context = chat(said("where is my order", "order_status")).get(0).context();
        DialogueContext back = json.readValue(json.writeValueAsString(context), DialogueContext.class);
        assertEquals(context, back);
        assertEquals(DialogueContext.EMPTY, json.readValue("{}", DialogueContext.class));
    }
}
