package dev.parley.conversation;

import dev.parley.message.Channel;

/**
 * Delivers outbound messages (bot replies, agents' answers, system notices) to the shopper through their channel:
 * web chat pushes over its WebSocket, WhatsApp calls the send API. One bean per channel. A channel that can only
 * answer inside the provider's request (Alexa, a Twilio call) registers none and renders
 * {@link TurnOutcome#replies()} instead.
 */
public interface ChannelSender {

    Channel channel();

    /**
     * Sends one stored message. Called after the message was committed; must not block for long (queue slow
     * provider calls).
     *
     * @return how far delivery got, and the provider's id for the sent message when it has one
     */
    Delivery deliver(Conversation conversation, ConversationMessage message);
}
