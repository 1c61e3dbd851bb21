package dev.parley.handoff;

import dev.parley.conversation.ConversationMessage;
import dev.parley.nlu.NluResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the agent API answers: the shapes the console reads. */
public final class AgentViews {

    private AgentViews() {
    }

    @Serdeable
    public record AgentView(String id, String displayName, String role, List<String> skills, List<String> languages,
                            int capacity, int activeCount, boolean online) {

        static AgentView of(Agent agent) {
            return new AgentView(agent.id(), agent.displayName(), agent.role().id(), agent.skills(),
                    agent.languages(), agent.capacity(), agent.activeCount(), agent.online());
        }
    }

    /** A hand-off as the queue shows it; {@code position} only while waiting. */
    @Serdeable
    public record QueueItem(String conversationId, String escalationId, String channel, String skill,
                            String language, String status, int priority, double agedPriority,
                            List<EscalationReason> reasons, @Nullable String agentId, @Nullable String targetAgentId,
                            Instant enqueuedAt, long waitedSeconds, @Nullable Instant assignedAt,
                            @Nullable Instant firstReplyAt, @Nullable Integer position) {
    }

    @Serdeable
    public record QueueOverview(AgentView agent, List<QueueItem> waiting, List<QueueItem> assigned) {
    }

    @Serdeable
    public record MessageLine(long seq, String direction, String author, @Nullable String authorId, String text,
                              boolean handoff, String deliveryStatus, Instant createdAt) {

        static MessageLine of(ConversationMessage message) {
            return new MessageLine(message.seq(), message.direction().id(), message.author().id(),
                    message.authorId(), message.text(), message.handoff(), message.deliveryStatus().id(),
                    message.createdAt());
        }
    }

    /** What the NLU made of one shopper message. */
    @Serdeable
    public record NluTurn(long seq, String text, String intent, double confidence, boolean outOfScope,
                          boolean ambiguous, String sentiment, double sentimentScore, List<String> entities) {

        static NluTurn of(ConversationMessage message) {
            NluResult nlu = message.nlu();
            return new NluTurn(message.seq(), message.text(), nlu.intent().name(), nlu.intent().confidence(),
                    nlu.outOfScope(), nlu.ambiguous(), nlu.sentiment() == null ? "neutral" : nlu.sentiment().label(),
                    nlu.sentiment() == null ? 0 : nlu.sentiment().score(),
                    nlu.entities().stream().map(e -> e.type() + "=" + e.value()).toList());
        }
    }

    @Serdeable
    public record OfferShown(String offerId, String channel, Instant shownAt, @Nullable String outcome) {
    }

    /** The shopper next to the transcript: who they are, what they are worth, what they were shown. */
    @Serdeable
    public record ShopperContext(String shopperId, @Nullable String displayName, @Nullable String customerId,
                                 boolean highValue, @Nullable String segment, @Nullable String journeyStage,
                                 @Nullable Double clv, List<String> lifeEvents, List<OfferShown> offers,
                                 List<NluTurn> nluTrace, List<EscalationReason> escalationReasons) {
    }

    @Serdeable
    public record ConversationDetail(String conversationId, String channel, String state, String locale,
                                     @Nullable QueueItem handoff, List<MessageLine> transcript, ShopperContext context,
                                     List<Note> notes) {
    }

    static QueueItem item(Escalation escalation, double agedPriority, @Nullable Integer position, Instant now) {
        Duration waited = escalation.waited(now);
        return new QueueItem(escalation.conversationId(), escalation.id(), escalation.channel().id(),
                escalation.skill(), escalation.language(), escalation.status().id(), escalation.priority(),
                Math.round(agedPriority * 10) / 10.0, escalation.reasonList(), escalation.agentId(),
                escalation.targetAgentId(), escalation.enqueuedAt(), waited.toSeconds(), escalation.assignedAt(),
                escalation.firstReplyAt(), position);
    }
}
