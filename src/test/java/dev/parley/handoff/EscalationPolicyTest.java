package dev.parley.handoff;

import dev.parley.conversation.Author;
import dev.parley.conversation.BotTurn;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.DeliveryStatus;
import dev.parley.conversation.Direction;
import dev.parley.conversation.Shopper;
import dev.parley.dialogue.DialogueContext;
import dev.parley.dialogue.DialogueTurn;
import dev.parley.message.Channel;
import dev.parley.message.Reply;
import dev.parley.nlu.Entity;
import dev.parley.nlu.IntentScore;
import dev.parley.nlu.NluResult;
import dev.parley.nlu.Sentiment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each escalation rule on hand-made turns: what triggers it, what does not, and its settings. */
class EscalationPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");
    static final Shopper SHOPPER = new Shopper("shopper-1", "Ana", null, NOW);

    /** A shopper value without a profile store: high-value or not, as the test says. */
    static ShopperValue value(boolean highValue) {
        return new ShopperValue(null, null, EscalationSettings.DEFAULTS) {
            @Override
            public boolean isHighValue(Shopper shopper) {
                return highValue;
            }
        };
    }

    static EscalationPolicy policy(EscalationSettings settings, boolean highValue) {
        return new EscalationPolicy(settings, value(highValue));
    }

    static EscalationPolicy policy() {
        return policy(EscalationSettings.DEFAULTS, false);
    }

    static NluResult nlu(String text, String intent, double confidence, double sentiment, Entity... entities) {
        boolean outOfScope = intent.equals(NluResult.OUT_OF_SCOPE);
        return new NluResult(text, new IntentScore(intent, confidence), List.of(new IntentScore(intent, confidence)),
                List.of(entities), new Sentiment(sentiment < -0.2 ? "negative" : "neutral", sentiment), outOfScope,
                false, Map.of());
    }

    static ConversationMessage message(long seq, String text, String payload, NluResult nlu) {
        return new ConversationMessage("m-" + seq, "c-1", seq, Direction.INBOUND, Author.SHOPPER, null, text,
                List.of(), List.of(), true, false, payload, nlu, null, null, true, DeliveryStatus.DELIVERED, NOW);
    }

    static DialogueContext failures(String... kinds) {
        return new DialogueContext(null, null, false, Map.of(), null, Map.of(), List.of(), List.of(kinds));
    }

    /** A turn builder: the defaults are a web chat turn the bot understood. */
    static final class Turn {
        Channel channel = Channel.WEBCHAT;
        String text = "where is my order";
        String payload;
        Double heard;
        NluResult nlu;
        DialogueContext before = DialogueContext.EMPTY;
        DialogueContext after = DialogueContext.EMPTY;
        String dialogueReason;
        List<ConversationMessage> earlier = new ArrayList<>();

        Turn said(String said, NluResult reading) {
            text = said;
            nlu = reading;
            return this;
        }

        BotTurn build() {
            Conversation conversation = new Conversation("c-1", SHOPPER.id(), channel, "user-1", null, "en",
                    ConversationState.BOT, false, null, before.failures().size(), "{}", 10, NOW, NOW);
            return new BotTurn(conversation, SHOPPER, message(10, text, payload, nlu), heard, nlu, before,
                    new DialogueTurn(List.of(Reply.text("...")), after, dialogueReason), earlier);
        }
    }

    static List<String> codes(EscalationPolicy policy, Turn turn) {
        return policy.evaluate(turn.build()).stream().map(EscalationReason::code).toList();
    }

    @Test
    void anOrdinaryUnderstoodTurnStaysWithTheBot() {
        Turn turn = new Turn().said("where is my order PA-123456", nlu("where is my order PA-123456",
                "order_status", 0.93, 0.0));
        assertEquals(List.of(), policy().reasons(turn.build()));
    }

    @Test
    void askingForAPersonByIntentKeywordOrPhoneKeyEscalates() {
        Turn byIntent = new Turn().said("can I talk to someone", nlu("can I talk to someone", "talk_to_human", 0.9,
                0));
        assertEquals(List.of("explicit_request: talk_to_human"), policy().reasons(byIntent.build()));

        Turn byKeyword = new Turn().said("Agent!!", nlu("Agent!!", NluResult.OUT_OF_SCOPE, 0.2, 0));
        byKeyword.after = failures("out_of_scope");
        assertEquals(List.of("explicit_request: keyword"), policy().reasons(byKeyword.build()));
        Turn sentence = new Turn().said("the agent of my parcel", nlu("the agent of my parcel", "track_parcel",
                0.7, 0));
        assertEquals(List.of(), policy().reasons(sentence.build()), "a keyword inside a sentence is no request");

        Turn pressedZero = new Turn().said("0", nlu("0", NluResult.OUT_OF_SCOPE, 0.1, 0));
        pressedZero.channel = Channel.PHONE;
        pressedZero.payload = "0";
        assertEquals(List.of("explicit_request: payload 0"), policy().reasons(pressedZero.build()));
        pressedZero.channel = Channel.WEBCHAT;
        assertEquals(List.of(), policy().reasons(pressedZero.build()), "0 is a key press only on a phone line");
    }

    @Test
    void turnsNotUnderstoodInARowEscalateAtTheConfiguredCount() {
        Turn first = new Turn().said("solve this integral", nlu("solve this integral", NluResult.OUT_OF_SCOPE, 0.2,
                0));
        first.after = failures("out_of_scope");
        assertEquals(List.of(), policy().reasons(first.build()));

        Turn second = new Turn().said("who won the cup", nlu("who won the cup", NluResult.OUT_OF_SCOPE, 0.2, 0));
        second.before = failures("out_of_scope");
        second.after = failures("out_of_scope", "out_of_scope");
        assertEquals(List.of("uncertain_turns: out_of_scope x2"), policy().reasons(second.build()));

        EscalationSettings three = new EscalationSettings(3, true, 0.5, null, null, null, null, -0.6, -0.3, 1000,
                null, 1, null, null);
        assertEquals(List.of(), policy(three, false).reasons(second.build()), "three turns configured");
        EscalationSettings off = new EscalationSettings(0, true, 0.5, null, null, null, null, -0.6, -0.3, 1000,
                null, 1, null, null);
        assertEquals(List.of(), policy(off, false).reasons(second.build()), "0 switches the rule off");
    }

    @Test
    void aVoiceMessageHeardBadlyCountsAsNotUnderstood() {
        Turn heardBadly = new Turn().said("where is my order", nlu("where is my order", "order_status", 0.8, 0));
        heardBadly.channel = Channel.PHONE;
        heardBadly.heard = 0.31;
        heardBadly.before = failures("out_of_scope");
        assertEquals(List.of("uncertain_turns: out_of_scope x1, low_recognition 0.31"),
                policy().reasons(heardBadly.build()), "the dialogue took it, but it was probably misheard");

        heardBadly.before = DialogueContext.EMPTY;
        assertEquals(List.of(), policy().reasons(heardBadly.build()), "one bad turn alone is not enough");
        heardBadly.heard = 0.9;
        heardBadly.before = failures("out_of_scope");
        assertEquals(List.of(), policy().reasons(heardBadly.build()), "heard well and understood");
    }

    @Test
    void ambiguityLeftAfterTheClarifyingQuestionEscalatesEvenBeforeTheFailureCount() {
        EscalationSettings three = new EscalationSettings(3, true, 0.5, null, null, null, null, -0.6, -0.3, 1000,
                null, 1, null, null);
        Turn afterDidYouMean = new Turn().said("no neither", nlu("no neither", "deny", 0.8, 0));
        afterDidYouMean.before = failures("ambiguous");
        afterDidYouMean.after = failures("ambiguous", "rejected_options");
        assertEquals(List.of("unresolved_ambiguity: after did-you-mean: rejected_options"),
                policy(three, false).reasons(afterDidYouMean.build()));
        EscalationSettings off = new EscalationSettings(3, false, 0.5, null, null, null, null, -0.6, -0.3, 1000,
                null, 1, null, null);
        assertEquals(List.of(), policy(off, false).reasons(afterDidYouMean.build()));
    }

    @Test
    void stronglyNegativeSentimentEscalatesAndEarlierForHighValueShoppers() {
        Turn angry = new Turn().said("this is awful", nlu("this is awful", "order_status", 0.7, -0.75));
        assertEquals(List.of("negative_sentiment: -0.75"), policy().reasons(angry.build()));

        Turn annoyed = new Turn().said("still nothing?", nlu("still nothing?", "order_status", 0.7, -0.4));
        assertEquals(List.of(), policy(EscalationSettings.DEFAULTS, false).reasons(annoyed.build()));
        assertEquals(List.of("negative_sentiment: -0.40 (high-value shopper)"),
                policy(EscalationSettings.DEFAULTS, true).reasons(annoyed.build()));
    }

    @Test
    void complaintsAndBusinessRulesAlwaysGoToAPerson() {
        Turn complaint = new Turn().said("I want to complain", nlu("I want to complain", "complaint", 0.9, -0.1));
        assertEquals(List.of("complaint: complaint"), policy().reasons(complaint.build()));
        Turn payment = new Turn().said("my card was charged twice", nlu("my card was charged twice",
                "payment_problem", 0.9, 0));
        assertEquals(List.of("business_rule: payment_problem"), policy().reasons(payment.build()));

        Turn unsure = new Turn().said("card", nlu("card", "payment_problem", 0.4, 0));
        unsure.nlu = new NluResult("card", new IntentScore("payment_problem", 0.4), List.of(), List.of(),
                Sentiment.NEUTRAL, false, true, Map.of());
        assertEquals(List.of(), codes(policy(), unsure), "an ambiguous reading is no business rule");
    }

    @Test
    void theSameQuestionAskedAgainRightAfterItsAnswerEscalates() {
        Entity order = new Entity("order_number", "PA-123456", 18, 27, "PA-123456", "regex");
        Turn again = new Turn().said("where is my order PA-123456", nlu("where is my order PA-123456",
                "order_status", 0.9, 0, order));
        again.earlier.add(message(8, "where's order PA-123456?", null, nlu("where's order PA-123456?",
                "order_status", 0.9, 0, order)));
        assertEquals(List.of("repeated_question: order_status x2"), policy().reasons(again.build()));

        Entity other = new Entity("order_number", "PA-654321", 18, 27, "PA-654321", "regex");
        Turn anotherOrder = new Turn().said("where is my order PA-654321", nlu("where is my order PA-654321",
                "order_status", 0.9, 0, other));
        anotherOrder.earlier.addAll(again.earlier);
        assertEquals(List.of(), policy().reasons(anotherOrder.build()), "a different order is a new question");

        Turn hiAgain = new Turn().said("hi", nlu("hi", "greet", 0.95, 0.2));
        hiAgain.earlier.add(message(8, "hi", null, nlu("hi", "greet", 0.95, 0.2)));
        assertEquals(List.of(), policy().reasons(hiAgain.build()), "greetings are no questions");
    }

    @Test
    void everyReasonThatAppliesIsRecorded() {
        Turn turn = new Turn().said("I want a human, this payment mess is a disgrace", nlu("...", "talk_to_human",
                0.8, -0.8));
        turn.nlu = new NluResult(turn.text, new IntentScore("talk_to_human", 0.8), List.of(), List.of(),
                new Sentiment("negative", -0.8), false, false, Map.of());
        assertEquals(List.of(EscalationReason.EXPLICIT_REQUEST, EscalationReason.NEGATIVE_SENTIMENT),
                codes(policy(), turn));
        String mark = EscalationReason.join(policy().evaluate(turn.build()));
        assertEquals(policy().evaluate(turn.build()), EscalationReason.parse(mark), "the mark reads back");
    }
}
