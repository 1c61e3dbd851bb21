package dev.parley.offers.bandit;

import java.util.Map;

/**
 * The learned state of the offer policy: a linear reward model over offer x shopper x context features
 * (LinUCB-style scores) plus offer popularity per segment. Reads are lock-free on an immutable model that
 * each learned reward replaces (copy-on-write; the model is a few kilobytes), so ranking never waits.
 */
public final class OfferBandit {

    private final BanditSettings settings;
    private final OfferPopularity popularity = new OfferPopularity();
    private volatile RidgeModel model;

    public OfferBandit(int dimension, BanditSettings settings) {
        this.settings = settings;
        this.model = new RidgeModel(dimension, settings.ridgeLambda());
    }

    public BanditSettings settings() {
        return settings;
    }

    public OfferPopularity popularity() {
        return popularity;
    }

    public RidgeModel model() {
        return model;
    }

    /** Predicted reward plus alpha times its uncertainty. */
    public double optimisticScore(double[] features) {
        RidgeModel current = model;
        return current.predict(features) + settings.ucbAlpha() * current.width(features);
    }

    public double predict(double[] features) {
        return model.predict(features);
    }

    public synchronized void learn(double[] features, String segment, String offerId, double reward) {
        RidgeModel next = model.copy();
        next.update(features, reward);
        model = next;
        popularity.record(segment, offerId, reward);
    }

    public long updates() {
        return model.updates();
    }

    public synchronized Snapshot export() {
        return new Snapshot(model.a(), model.b(), model.updates(), popularity.export());
    }

    public synchronized void restore(Snapshot snapshot) {
        if (snapshot.b().length != model.dimension()) {
            // the feature layout changed since the snapshot: start afresh rather than mis-read it
            return;
        }
        model = RidgeModel.restore(snapshot.a(), snapshot.b(), snapshot.updates());
        popularity.restore(snapshot.popularity());
    }

    /** The sufficient statistics, enough to continue learning exactly where it stopped. */
    public record Snapshot(double[] a, double[] b, long updates, Map<String, double[]> popularity) {
    }
}
