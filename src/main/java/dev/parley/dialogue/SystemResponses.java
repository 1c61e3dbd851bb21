package dev.parley.dialogue;

import dev.parley.nlu.data.ResponseVariant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named responses the dialogue and its actions use, with the default text each falls back to when intents/
 * does not define it (under {@code responses:}, e.g. in intents/system.yml). Defining a name in intents/ replaces
 * its default entirely. Placeholders each name is rendered with are listed next to it.
 */
public final class SystemResponses {

    /** No placeholders. */
    public static final String ASK_REPHRASE = "ask_rephrase";
    /** {@code {options}}: the offered intents' titles, "A, B or C". */
    public static final String DID_YOU_MEAN = "did_you_mean";
    /** {@code {position}}, {@code {wait_minutes}} (rendered by the hand-off). */
    public static final String HANDOFF_QUEUED = "handoff_queued";
    public static final String HANDOFF_OFFLINE = "handoff_offline";
    public static final String HANDOFF_RETURNED_TO_BOT = "handoff_returned_to_bot";
    /** Something failed on our side (NLU or an action threw). */
    public static final String FALLBACK_ERROR = "fallback_error";
    /** {@code {shopper_name}} when known. */
    public static final String GREETING_NEW_SESSION = "greeting_new_session";
    /** {@code {prompt}} (the slot's question), {@code {slot}} and {@code {slot_name}} (the readable slot name). */
    public static final String SLOT_REPROMPT = "slot_reprompt";
    /** {@code {slot}} (readable): asked when neither the intent's slots nor {@code ask_<slot>} have a prompt. */
    public static final String ASK_SLOT = "ask_slot";
    /** The shopper said no to a change awaiting confirmation. */
    public static final String ACTION_DECLINED = "action_declined";
    /** Precedes the offer cards the personalization engine picked. */
    public static final String OFFER_INTRO = "offer_intro";

    private static final Map<String, List<ResponseVariant>> DEFAULTS = new LinkedHashMap<>();

    static {
        define(ASK_REPHRASE, "Sorry, I didn't quite get that. Could you say it another way?");
        define(DID_YOU_MEAN, "Did you mean {options}?");
        define(HANDOFF_QUEUED, "I'm passing you to a colleague. You're number {position} in the queue,"
                + " about {wait_minutes} minutes.");
        define(HANDOFF_OFFLINE, "Our team is offline right now. Leave a message and we'll get back to you.");
        define(HANDOFF_RETURNED_TO_BOT, "You're back with the assistant. How can I help?");
        define(FALLBACK_ERROR, "Sorry, something went wrong on my side. Please try again in a moment.");
        define(GREETING_NEW_SESSION, "Hi {shopper_name}! How can I help you today?",
                "Hi! How can I help you today?");
        define(SLOT_REPROMPT, "Sorry, I didn't catch that. {prompt}");
        define(ASK_SLOT, "What's the {slot_name}?");
        define(ACTION_DECLINED, "OK, I've left everything as it was.");
        define(OFFER_INTRO, "You might like this offer:");
        // the offer intro in the tone of the shopper's journey stage (offer_intro_<tone>), else offer_intro
        define(OFFER_INTRO + "_welcoming", "Welcome! Here's something to start with:");
        define(OFFER_INTRO + "_inspiring", "Popular right now with shoppers like you:");
        define(OFFER_INTRO + "_helpful", "If you're comparing, this may help you decide:");
        define(OFFER_INTRO + "_encouraging", "Nearly there! This makes your cart a little better:");
        define(OFFER_INTRO + "_reassuring", "Before you check out, this applies to you:");
        define(OFFER_INTRO + "_thankful", "Thanks for your order! Something to go with it:");
        define(OFFER_INTRO + "_welcome_back", "Good to see you again! Here's a welcome-back offer:");
        define(PersonalizedOfferAdvisor.SERVICE_RECOVERY_OFFER, "To make up for it, here's something for you:");
        // the shopper took or declined an offer just shown
        define(PersonalizedOfferAdvisor.OFFER_ACCEPTED_WITH_CODE, "Great choice! Use code {coupon_code} at checkout"
                + " for {offer_title}.");
        define(PersonalizedOfferAdvisor.OFFER_ACCEPTED, "Great choice! I have noted {offer_title} for you.");
        define(PersonalizedOfferAdvisor.OFFER_DECLINED, "No problem. What else can I do for you?");
        define(PersonalizedOfferAdvisor.OFFER_GONE, "Sorry, that offer isn't available any more. Ask me for deals to"
                + " see what's on now.");
        // a deal on something the shopper viewed ends soon (dev.parley.reminders)
        define("deal_reminder", "Heads-up: {offer_title} on the {product_name} you looked at ends soon.");
        // asked for an action's required input that neither the intent's slots nor intents/ prompt for
        define("ask_order_number", "What's your order number? It looks like PA-123456.");
        define("ask_address", "What's the full new delivery address (street and number, postcode, city)?");
        define("ask_category", "What are you looking for? Sneakers, jackets, sofas...?");
        define("ask_city", "Which city are you asking about?");
        // used by the order, catalogue and store actions
        define("order_not_found", "I couldn't find order {order_number}. Could you check the number?"
                + " It looks like PA-123456.");
        define("parcel_not_shipped", "Order {order.number} hasn't shipped yet (it's {order.status}),"
                + " so there's no tracking number yet.");
        define("order_not_cancellable", "Order {order_number} is {order.status}, so it can't be cancelled"
                + " any more. You can return it once it arrives.");
        define("address_not_changeable", "Order {order_number} is {order.status}, so the address can't be"
                + " changed any more.");
        define("no_refund", "There's no refund on order {order.number}.");
        define("order_not_yours", "For your security I can only change orders of the account you're logged in"
                + " with. Please log in and ask me again.");
        define("confirm_cancel_order", "Order {order_number} is {order.status}. Shall I cancel it?");
        define("order_cancelled", "Done: order {order_number} is cancelled. The refund of {order.refund_amount} goes"
                + " back to your original payment method.", "Done: order {order_number} is cancelled.");
        define("address_changed", "Done: order {order_number} will be delivered to {address}.");
        define("no_products_found", "I couldn't find {search.description} right now. Want to try another"
                + " colour or size?");
        // the second message under a product search's answer: {products} is one numbered line per product
        define("product_list", "{products}");
        define("out_of_stock", "Sorry, {search.description} are out of stock right now.");
        define("no_store_in_city", "We don't have a store in {city} yet. Our stores are in {stores.cities}.");
    }

    private SystemResponses() {
    }

    private static void define(String name, String... texts) {
        DEFAULTS.put(name, java.util.Arrays.stream(texts).map(text -> new ResponseVariant(text, null)).toList());
    }

    static List<ResponseVariant> defaults(String name) {
        return DEFAULTS.getOrDefault(name, List.of());
    }

    static Iterable<String> names() {
        return DEFAULTS.keySet();
    }
}
