package dev.parley.conversation;

/**
 * Implement as a bean to observe every conversation event. Called synchronously after the change is committed, in
 * the order the changes happened within a turn; keep it quick (hand slow work to an executor). An exception is
 * logged and does not affect the turn or other listeners.
 */
public interface ConversationListener {

    void on(ConversationEvent event);
}
