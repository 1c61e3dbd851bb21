package dev.parley.offers.profile;

import java.util.Locale;

/** Where the shopper is on the way to a purchase; changes what is offered and the reply's tone. */
public enum JourneyStage {
    NEW("welcoming"),
    BROWSING("inspiring"),
    COMPARING("helpful"),
    CART("encouraging"),
    CHECKOUT("reassuring"),
    POST_PURCHASE("thankful"),
    LAPSED("welcome_back");

    private final String tone;

    JourneyStage(String tone) {
        this.tone = tone;
    }

    /** A hint for the dialogue's wording, e.g. "encouraging" in the cart. */
    public String tone() {
        return tone;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
