package dev.parley.offers.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine knows about one shopper, kept current event by event. Mutable and owned by {@link ProfileStore}
 * (which serialises access per shopper); public fields so it is stored as JSON without ceremony. Times are epoch
 * millis. Derived figures (segment, RFM, CLV, journey stage) are computed on read by {@link ProfileFacts}.
 */
public final class ShopperProfile {

    public String shopperId;
    public long firstSeen;
    public long lastSeen;
    public String lastChannel;
    public String lastIntent;

    public Map<String, Affinity> categories = new HashMap<>();
    public Map<String, Affinity> departments = new HashMap<>();
    public Map<String, Affinity> brands = new HashMap<>();
    public Map<String, Affinity> colors = new HashMap<>();
    public Map<String, Affinity> sizes = new HashMap<>();

    public List<RecentItem> recent = new ArrayList<>();
    public List<String> purchasedSkus = new ArrayList<>();
    public int purchaseCount;
    public double totalSpent;
    public long firstPurchase;
    public long lastPurchase;
    public int couponPurchases;

    /** Sum and count of (price paid or looked at) / (median price of its category): below 1 = bargain hunter. */
    public double priceRatioSum;
    public int priceRatioCount;

    public Map<String, Integer> cart = new LinkedHashMap<>();
    public long lastCartAdd;
    public long lastCheckout;
    public long lastBrowse;

    public String ageBand;
    public String region;
    public String location;

    public Map<String, LifeEventRecord> lifeEvents = new HashMap<>();
    public boolean reminderOptIn;
    public String reminderChannel;
    /** Until when no sales offer is made, after a service-recovery gesture. */
    public long recoveryUntil;

    public ShopperProfile() {
    }

    public ShopperProfile(String shopperId) {
        this.shopperId = shopperId;
    }

    /** A shopper with no interaction at all: cold start. */
    public boolean isEmpty() {
        return lastSeen == 0 && lifeEvents.isEmpty();
    }

    public List<String> activeLifeEvents(Instant now) {
        return lifeEvents.values().stream().filter(e -> e.isActiveAt(now)).map(LifeEventRecord::lifeEvent).sorted().toList();
    }

    public boolean inRecoveryAt(Instant now) {
        return recoveryUntil > now.toEpochMilli();
    }

    public ShopperProfile copy() {
        ShopperProfile copy = ProfileJson.read(ProfileJson.write(this));
        copy.shopperId = shopperId;
        return copy;
    }
}
