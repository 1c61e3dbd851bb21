package dev.parley.offers.profile;

/** One recent product interaction: what, which kind of event, when (epoch millis). */
public final class RecentItem {

    public String sku;
    public String category;
    public String type;
    public long at;

    public RecentItem() {
    }

    RecentItem(String sku, String category, String type, long at) {
        this.sku = sku;
        this.category = category;
        this.type = type;
        this.at = at;
    }
}
