package dev.parley.offers.profile;

/** A score that halves every half-life since it was last touched (Jackson-friendly: public fields). */
public final class Affinity {

    public double score;
    public long at;

    public Affinity() {
    }

    Affinity(double score, long at) {
        this.score = score;
        this.at = at;
    }

    double valueAt(long now, double halfLifeMillis) {
        long age = Math.max(0, now - at);
        return score * Math.pow(0.5, age / halfLifeMillis);
    }

    void add(double weight, long now, double halfLifeMillis) {
        score = Math.max(0, valueAt(now, halfLifeMillis) + weight);
        at = Math.max(at, now);
    }
}
