package dev.parley.reminders;

import dev.parley.catalog.Product;
import dev.parley.catalog.ProductCatalog;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.ConversationState;
import dev.parley.dialogue.ResponseTemplates;
import dev.parley.message.Channel;
import dev.parley.message.OfferCard;
import dev.parley.message.Reply;
import dev.parley.offers.offer.Offer;
import dev.parley.offers.offer.OfferBook;
import dev.parley.offers.triggers.DealReminder;
import dev.parley.offers.triggers.DealReminderQueued;
import dev.parley.offers.triggers.DealReminders;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends each queued deal reminder ("the deal on the jacket you looked at ends tonight") as an assistant message in
 * the shopper's latest conversation on the reminder's channel, so it reaches them the way their other messages do
 * (pushed to the web chat, sent on WhatsApp, where the channel's sender applies its own rules such as templates
 * outside the 24-hour window). Not sent, and marked failed with the reason: a shopper with no conversation on that
 * channel, a voice channel (nothing can be spoken unasked), or a conversation a person is handling right now.
 */
@Singleton
public class DealReminderDelivery implements ApplicationEventListener<DealReminderQueued> {

    static final String DEAL_REMINDER = "deal_reminder";

    private static final Logger LOG = LoggerFactory.getLogger(DealReminderDelivery.class);

    private final DealReminders reminders;
    private final ConversationService conversations;
    private final OfferBook offers;
    private final ProductCatalog catalog;
    private final ResponseTemplates templates;

    DealReminderDelivery(DealReminders reminders, ConversationService conversations, OfferBook offers,
                         ProductCatalog catalog, ResponseTemplates templates) {
        this.reminders = reminders;
        this.conversations = conversations;
        this.offers = offers;
        this.catalog = catalog;
        this.templates = templates;
    }

    @Override
    public void onApplicationEvent(DealReminderQueued event) {
        DealReminder reminder = event.reminder();
        try {
            Optional<String> refusal = send(reminder);
            if (refusal.isPresent()) {
                reminders.markFailed(reminder.id(), refusal.get());
                LOG.info("Deal reminder {} not sent: {}", reminder.id(), refusal.get());
            } else {
                reminders.markSent(reminder.id());
            }
        } catch (RuntimeException e) {
            LOG.warn("Deal reminder {} failed", reminder.id(), e);
            reminders.markFailed(reminder.id(), "error: " + e.getClass().getSimpleName());
        }
    }

    /** Sends it, or says why not. */
    private Optional<String> send(DealReminder reminder) {
        Channel channel;
        try {
            channel = Channel.fromId(reminder.channel());
        } catch (IllegalArgumentException e) {
            return Optional.of("unknown channel " + reminder.channel());
        }
        if (channel.isVoice()) {
            return Optional.of("voice channels cannot start a conversation");
        }
        Optional<Offer> offer = offers.find(reminder.offerId());
        Optional<Product> product = catalog.find(reminder.sku());
        if (offer.isEmpty() || product.isEmpty()) {
            return Optional.of("offer or product no longer exists");
        }
        Optional<Conversation> latest = conversations.findLatest(reminder.shopperId(), channel);
        if (latest.isEmpty()) {
            return Optional.of("no conversation on " + channel.id());
        }
        ConversationState state = latest.get().state();
        if (state == ConversationState.QUEUED || state == ConversationState.AGENT) {
            return Optional.of("a person is handling the conversation");
        }
        String text = templates.named(DEAL_REMINDER, channel, Map.of("offer_title", offer.get().title(),
                "product_name", product.get().name()));
        OfferCard card = new OfferCard(offer.get().id(), null, offer.get().title(), offer.get().description(), null,
                product.get().sku(), product.get().price(), product.get().currency(), null, reminder.dealEndsAt());
        conversations.postBotMessage(latest.get().id(), new Reply(text, List.of(), List.of(card), true, false));
        return Optional.empty();
    }
}
