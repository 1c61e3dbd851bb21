package dev.parley.channel.alexa;

import dev.parley.channel.voice.SpeechRenderer;
import dev.parley.channel.voice.VoiceHandoff;
import dev.parley.channel.voice.VoiceReply;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationStart;
import dev.parley.conversation.ConversationState;
import dev.parley.conversation.Direction;
import dev.parley.conversation.OpenConversation;
import dev.parley.conversation.TurnOutcome;
import dev.parley.message.Channel;
import dev.parley.message.InboundMessage;
import dev.parley.message.Reply;
import dev.parley.nlu.NluResult;
import dev.parley.nlu.data.IntentDefinition;
import dev.parley.nlu.data.TrainingData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers a verified Alexa request: a launch opens the conversation (the greeting), an intent becomes the
 * shopper's message (our own intents and Amazon's built-ins as {@code /intent} payloads with their slot values,
 * the catch-all's free text through the NLU), and the stored replies are spoken. Retries are answered from the
 * stored turn: the request id is the message id, and a session's launch reuses its greeting.
 */
@Singleton
class AlexaSkill {

    private static final Logger LOG = LoggerFactory.getLogger(AlexaSkill.class);
    /** What the transcript shows for a turn Alexa could not match to anything. */
    static final String UNRECOGNISED = "(unrecognised speech)";

    private final ConversationService conversations;
    private final SpeechRenderer renderer;
    private final SlotValues slotValues;
    private final AlexaSettings settings;
    private final JsonMapper json;
    private final Set<String> ownIntents;

    AlexaSkill(ConversationService conversations, SpeechRenderer renderer, SlotValues slotValues,
               AlexaSettings settings, JsonMapper json, TrainingData data) {
        this.conversations = conversations;
        this.renderer = renderer;
        this.slotValues = slotValues;
        this.settings = settings;
        this.json = json;
        this.ownIntents = data.intents().stream().map(IntentDefinition::name)
                .filter(name -> !name.equals(NluResult.OUT_OF_SCOPE)).collect(Collectors.toSet());
    }

    Map<String, Object> answer(AlexaRequest request) {
        return switch (request.type()) {
            case AlexaRequest.LAUNCH -> launch(request);
            case AlexaRequest.INTENT -> intent(request);
            case AlexaRequest.SESSION_ENDED -> sessionEnded(request);
            default -> throw new AlexaRejection("unsupported_request", "request type " + request.type()
                    + " is not supported by this skill");
        };
    }

    private Map<String, Object> launch(AlexaRequest request) {
        String session = requireSession(request);
        Optional<Conversation> existing = conversations.findBySession(Channel.ALEXA, session);
        if (existing.isPresent()) { // a retried launch: the greeting is already stored
            List<ConversationMessage> greeting = conversations.messages(existing.get().id(), 0, 1).messages()
                    .stream().filter(m -> m.direction() == Direction.OUTBOUND).toList();
            return speak(existing.get(), greeting, false);
        }
        ConversationStart started = conversations.start(new OpenConversation(Channel.ALEXA, request.userId(),
                session, request.locale(), null, null));
        return speak(started.conversation(), List.of(started.greeting()), false);
    }

    private Map<String, Object> intent(AlexaRequest request) {
        String name = request.intentName();
        String meaning = SkillIntents.BUILT_IN_MEANING.get(name);
        InboundMessage message;
        if (meaning != null) {
            message = inbound(request, spoken(name), "/" + meaning);
        } else if (name.equals(SkillIntents.CATCH_ALL)) {
            AlexaRequest.Slot query = request.slots().get(SkillIntents.QUERY_SLOT);
            message = query == null || query.value() == null || query.value().isBlank() ? unrecognised(request)
                    : inbound(request, query.value().trim(), null);
        } else if (ownIntents.contains(name)) {
            message = ownIntent(request, name);
        } else {
            if (!name.equals(SkillIntents.FALLBACK)) {
                LOG.warn("Alexa sent intent {} that intents/ does not define: re-export the interaction model", name);
            }
            message = unrecognised(request);
        }
        TurnOutcome outcome = conversations.receive(message);
        return speak(outcome.conversation(), outcome.replies(), SkillIntents.endsSession(name));
    }

    /** One of our intents: its slots become entities of an {@code /intent{...}} payload, no NLU needed. */
    private InboundMessage ownIntent(AlexaRequest request, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        request.slots().forEach((slotName, slot) -> slotValues.canonical(slotName, slot)
                .ifPresent(value -> values.put(slotName, value)));
        String payload;
        try {
            payload = "/" + name + (values.isEmpty() ? "" : json.writeValueAsString(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = name.replace('_', ' ') + (values.isEmpty() ? "" : ": " + String.join(", ", values.values()));
        return inbound(request, text, payload);
    }

    /** Alexa matched nothing (FallbackIntent, an empty query): an out-of-scope turn, which counts as a failure. */
    private InboundMessage unrecognised(AlexaRequest request) {
        return inbound(request, UNRECOGNISED, "/" + NluResult.OUT_OF_SCOPE);
    }

    private InboundMessage inbound(AlexaRequest request, String text, @Nullable String payload) {
        return new InboundMessage(Channel.ALEXA, request.userId(), requireSession(request), request.requestId(),
                text, payload, request.locale(), null, Instant.now(), Map.of());
    }

    /** The session is over (the shopper left, or Alexa gave up): a conversation the bot still has is closed. */
    private Map<String, Object> sessionEnded(AlexaRequest request) {
        LOG.debug("Alexa session ended: {}", request.endReason());
        if (request.sessionId() != null) {
            conversations.findBySession(Channel.ALEXA, request.sessionId())
                    .filter(c -> c.state() == ConversationState.BOT)
                    .ifPresent(c -> conversations.transition(c.id(), ConversationState.CLOSED, "alexa_session_ended"));
        }
        return AlexaResponses.empty();
    }

    private Map<String, Object> speak(Conversation conversation, List<ConversationMessage> replies, boolean end) {
        List<Reply> said = new ArrayList<>(replies.stream().map(ConversationMessage::toReply).toList());
        if (VoiceHandoff.handsOff(conversation, replies)) {
            // Alexa cannot put the shopper through to a person: say who follows up, and leave the skill
            said.add(new Reply(settings.handoffNotice(), List.of(), List.of(), false, true));
            return AlexaResponses.speech(renderer.render(said), true);
        }
        VoiceReply reply = renderer.render(said);
        return AlexaResponses.speech(reply, end || reply.endsConversation());
    }

    /** "AMAZON.NavigateHomeIntent" → "navigate home", what the transcript shows for a built-in. */
    private static String spoken(String builtIn) {
        return builtIn.replace("AMAZON.", "").replaceAll("Intent$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static String requireSession(AlexaRequest request) {
        if (request.sessionId() == null) {
            throw new AlexaRejection("invalid_request", "session.sessionId is required for " + request.type());
        }
        return request.sessionId();
    }
}
