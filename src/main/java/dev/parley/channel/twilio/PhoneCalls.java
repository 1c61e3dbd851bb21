package dev.parley.channel.twilio;

import dev.parley.channel.voice.SpeechRenderer;
import dev.parley.channel.voice.VoiceHandoff;
import dev.parley.channel.voice.VoiceReply;
import dev.parley.channel.voice.VoiceSettings;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.Direction;
import dev.parley.conversation.OpenConversation;
import dev.parley.conversation.TurnOutcome;
import dev.parley.message.Channel;
import dev.parley.message.InboundMessage;
import dev.parley.message.Reply;
import dev.parley.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A phone call as a conversation: the call's sid is the session, the caller's number the shopper's identity. The
 * call is answered with the greeting inside a speech Gather; each recognised utterance is a turn through the NLU
 * and dialogue, answered inside the next Gather. A hand-off (a reply that says so, the conversation queued or
 * marked as needing a person, or too many poorly recognised turns in a row) transfers the call to the contact
 * centre. When the call is over (its status callback), a conversation the bot still has is closed.
 */
@Singleton
class PhoneCalls {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneCalls.class);
    static final String SPEECH_PATH = "/api/voice/twilio/speech";
    static final String LOW_CONFIDENCE = "low_speech_confidence";
    /** Twilio's CallStatus values of a call that is over. */
    static final Set<String> FINAL_STATUSES = Set.of("completed", "busy", "failed", "no-answer", "canceled");

    private final ConversationService conversations;
    private final SpeechRenderer renderer;
    private final TwilioSettings settings;
    private final VoiceSettings voice;

    PhoneCalls(ConversationService conversations, SpeechRenderer renderer, TwilioSettings settings,
               VoiceSettings voice) {
        this.conversations = conversations;
        this.renderer = renderer;
        this.settings = settings;
        this.voice = voice;
    }

    /** An incoming call: the greeting, listening for the first answer. A retried webhook gets the same greeting. */
    String answer(FormParameters call) {
        String callSid = call.required("CallSid");
        Optional<Conversation> existing = conversations.findBySession(Channel.PHONE, callSid);
        ConversationMessage greeting;
        if (existing.isPresent()) {
            greeting = conversations.messages(existing.get().id(), 0, 1).messages().stream()
                    .filter(m -> m.direction() == Direction.OUTBOUND).findFirst().orElse(null);
        } else {
            greeting = conversations.start(new OpenConversation(Channel.PHONE, caller(call), callSid,
                    settings.language(), null, null)).greeting();
            LOG.info("Call {} answered", callSid);
        }
        VoiceReply reply = renderer.render(greeting == null ? List.of() : List.of(greeting.toReply()));
        return twiml().gather(reply.speech().plain(), actionUrl(CallProgress.FIRST)).document();
    }

    /** What Gather heard (or that it heard nothing) on turn {@code progress.turn()}. */
    String speech(FormParameters call, CallProgress progress) {
        String callSid = call.required("CallSid");
        String heard = call.first("SpeechResult");
        String key = call.first("Digits");
        // a key pressed instead of speaking is its own message, the key as payload (0: the caller wants a person)
        boolean pressed = (heard == null || heard.isBlank()) && key != null && !key.isBlank();
        if (!pressed && (heard == null || heard.isBlank())) {
            return silence(progress);
        }
        Double confidence = pressed ? null : confidence(call.first("Confidence"));
        boolean poorlyHeard = confidence != null && confidence < settings.minConfidence();
        int lowInARow = poorlyHeard ? progress.lowConfidence() + 1 : 0;
        String said = pressed ? key.trim() : heard.trim();
        TurnOutcome outcome = conversations.receive(new InboundMessage(Channel.PHONE, caller(call), callSid,
                progress.messageId(callSid), said, pressed ? said : null, settings.language(), confidence,
                Instant.now(), Map.of()));
        Conversation conversation = outcome.conversation();
        if (lowInARow >= settings.lowConfidenceTurns() && conversation.state() == ConversationState.BOT
                && !conversation.needsHuman()) {
            conversation = conversations.markNeedsHuman(conversation.id(), LOW_CONFIDENCE + " x" + lowInARow);
        }
        List<Reply> replies = outcome.replies().stream().map(ConversationMessage::toReply).toList();
        VoiceReply reply = renderer.render(replies);
        if (VoiceHandoff.handsOff(conversation, outcome.replies())) {
            return transfer(callSid, reply);
        }
        Twiml twiml = twiml();
        if (reply.endsConversation()) {
            return twiml.say(reply.speech().plain()).hangup().document();
        }
        CallProgress next = new CallProgress(progress.turn() + 1, lowInARow, 0);
        return twiml.gather(reply.speech().plain(), actionUrl(next)).document();
    }

    /** The call's status callback: once the call is over, a conversation the bot still has is closed. */
    void statusChanged(FormParameters call) {
        String callSid = call.required("CallSid");
        if (!FINAL_STATUSES.contains(call.required("CallStatus"))) {
            return;
        }
        conversations.findBySession(Channel.PHONE, callSid)
                .filter(conversation -> conversation.state() == ConversationState.BOT)
                .ifPresent(conversation -> conversations.transition(conversation.id(), ConversationState.CLOSED,
                        "call_ended"));
    }

    private String silence(CallProgress progress) {
        int silences = progress.silences() + 1;
        if (silences > settings.maxSilences()) {
            return twiml().say(settings.goodbye()).hangup().document();
        }
        String prompt = renderer.say(settings.noSpeech() + " " + voice.reprompt()).plain();
        CallProgress same = new CallProgress(progress.turn(), progress.lowConfidence(), silences);
        return twiml().gather(prompt, actionUrl(same)).document();
    }

    private String transfer(String callSid, VoiceReply reply) {
        Twiml twiml = twiml().say(reply.speech().plain());
        if (settings.contactCenter() == null || settings.contactCenter().isBlank()) {
            LOG.warn("Call {} needs a person but parley.twilio.contact-center is not set", callSid);
            return twiml.say(settings.transferUnavailable()).hangup().document();
        }
        LOG.info("Call {} transferred to the contact centre", callSid);
        return twiml.dial(settings.contactCenter().trim()).document();
    }

    private String actionUrl(CallProgress progress) {
        return TwilioController.publicUrl(settings, SPEECH_PATH + "?" + progress.query());
    }

    private Twiml twiml() {
        return new Twiml(settings.language(), settings.voice());
    }

    /** Twilio sends "anonymous" or an empty From for withheld numbers; all such callers share that identity. */
    private static String caller(FormParameters call) {
        String from = call.first("From");
        return from == null || from.isBlank() ? "anonymous" : from.trim();
    }

    @Nullable
    private static Double confidence(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed < 0 || parsed > 1 || Double.isNaN(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_parameter", "Confidence must be a number from 0 to 1");
        }
    }
}
