package dev.parley.conversation;

/** A newly opened conversation, the shopper it is with, and the greeting the assistant stored. */
public record ConversationStart(Conversation conversation, Shopper shopper, ConversationMessage greeting) {
}
