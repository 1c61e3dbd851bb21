package dev.parley.testing;

import dev.parley.nlu.data.EntityDefinition;
import dev.parley.nlu.data.Example;
import dev.parley.nlu.data.IntentDefinition;
import dev.parley.nlu.data.ResponseVariant;
import dev.parley.nlu.data.SlotRequirement;
import dev.parley.nlu.data.TrainingData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test sources: a small, fixed {@link TrainingData} in the intents/ format (one response variant where a test reads
 * the exact text), following intents/'s conventions: a confirming intent's responses are the question, named
 * responses report the outcome. The dialogue's unit tests use it; the other tests use the real intents/.
 */
public final class TestIntents {

    private TestIntents() {
    }

    public static TrainingData build() {
        List<IntentDefinition> intents = new ArrayList<>();
        intents.add(intent("greet", null, List.of(), List.of(),
                v("Hi {shopper_name}, how can I help?"), v("Hi, how can I help?"),
                v("Hello from Parley. What can I do for you?", "voice")));
        intents.add(intent("goodbye", null, List.of(), List.of(), v("Bye! Thanks for shopping with us.")));
        intents.add(intent("thanks", null, List.of(), List.of(), v("You're welcome!")));
        intents.add(intent("affirm", null, List.of(), List.of(), v("Great.")));
        intents.add(intent("deny", null, List.of(), List.of(), v("OK, no problem.")));
        intents.add(intent("help", null, List.of(), List.of("Where is my order?", "Find sneakers", "Talk to a person"),
                v("I can help with orders, products and our stores.")));
        intents.add(intent("talk_to_human", null, List.of(), List.of(), v("Let me find a colleague for you.")));
        intents.add(intent("complaint", null, List.of(), List.of(), v("I'm sorry to hear that.")));
        intents.add(intent("chitchat", null, List.of(), List.of(), v("I'm just a shopping assistant.")));
        intents.add(intent("size_advice", null, List.of(), List.of(), v("Our {category} run true to size."),
                v("Our sizes run true to size.")));
        intents.add(intent("payment_problem", null, List.of(), List.of(), v("Sorry about the payment trouble.")));
        SlotRequirement orderNumber = new SlotRequirement("order_number",
                "What's your order number? It looks like PA-123456.");
        intents.add(intent("order_status", "order_status", List.of(orderNumber), List.of("Track my parcel"),
                v("Order {order.number} is {order.status}. It should arrive on {order.eta}."),
                v("Order {order.number} is {order.status}.")));
        intents.add(intent("track_parcel", "track_parcel", List.of(orderNumber), List.of(),
                v("Your parcel is with {order.carrier}: {order.tracking_url}")));
        intents.add(intent("cancel_order", "cancel_order", List.of(orderNumber), List.of("Yes, cancel it", "No"),
                v("Order {order_number} is {order.status}. Do you want me to cancel it?")));
        intents.add(intent("change_address", "change_address", List.of(orderNumber), List.of(),
                v("Order {order_number} is {order.status}. Please type the full new address.")));
        intents.add(intent("refund_status", "refund_status", List.of(orderNumber), List.of(),
                v("Your refund of {refund.amount} for {order_number} is {refund.status}.")));
        intents.add(intent("product_search", "product_search",
                List.of(new SlotRequirement("category", "What are you looking for?")), List.of(),
                v("I found {search.count} {search.description}: {products}."),
                v("I found {search.count} {search.description}. The most popular is {product.name}.", "voice")));
        intents.add(intent("stock_availability", "stock_availability", List.of(), List.of(),
                v("Yes, {product.name} is in stock ({product.stock} left).")));
        intents.add(intent("store_locations", "store_locations", List.of(), List.of(),
                v("Our {city} store: {store.name}, {store.address}."), v("We have stores in {stores.cities}.")));
        intents.add(intent("opening_hours", "store_hours", List.of(), List.of(),
                v("{store.name} is open {store.hours_today} today.")));

        List<EntityDefinition> entities = List.of(
                new EntityDefinition("color", List.of("red", "blue", "green", "black", "white", "navy", "grey"),
                        Map.of("navy", List.of("navy blue", "dark blue"), "grey", List.of("gray")), List.of(), true),
                new EntityDefinition("size", List.of("XS", "S", "M", "L", "XL", "XXL"),
                        Map.of("M", List.of("medium"), "L", List.of("large")),
                        List.of("(?i)(?<=\\b(?:EU|size|sz) ?)(?:3[5-9]|4[0-7])(?:[.,]5)?\\b"), false),
                new EntityDefinition("category", List.of("sneakers", "jackets", "sofas", "lamps", "boots"),
                        Map.of("sneakers", List.of("trainers", "sneaker")), List.of(), true),
                new EntityDefinition("order_number", List.of(), Map.of(),
                        List.of("(?i)\\bPA-\\d{6}\\b", "(?i)\\bPA ?\\d{6}\\b"), false),
                new EntityDefinition("city", List.of("Paris", "Berlin", "Madrid", "Lisbon", "Zurich"),
                        Map.of("Zurich", List.of("Zürich")), List.of(), true));

        intents.add(intent("price_check", "price_check", List.of(), List.of(),
                v("{product.name} costs {product.price}."), v("Which product would you like the price of?")));

        Map<String, List<ResponseVariant>> responses = Map.of(
                "ask_rephrase", List.of(v("Sorry, could you rephrase that?")),
                "did_you_mean", List.of(v("Did you mean {options}?")),
                "order_cancelled", List.of(v("Done: order {order_number} is cancelled.")));
        return new TrainingData(intents, entities, responses);
    }

    private static IntentDefinition intent(String name, String action, List<SlotRequirement> slots,
                                           List<String> quickReplies, ResponseVariant... responses) {
        return new IntentDefinition(name, "", List.of(Example.of(name.replace('_', ' '))), List.of(responses), slots,
                action, quickReplies);
    }

    private static ResponseVariant v(String text) {
        return new ResponseVariant(text, null);
    }

    private static ResponseVariant v(String text, String channel) {
        return new ResponseVariant(text, channel);
    }
}
