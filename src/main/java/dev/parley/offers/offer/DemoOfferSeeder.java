package dev.parley.offers.offer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fills an empty offer table with the demo shop's offers (parley.offers.seed-demo). */
@Singleton
@Requires(property = "parley.offers.seed-demo", value = "true", defaultValue = "true")
public class DemoOfferSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOfferSeeder.class);
    static final String DEMO_OFFERS = "/offers/demo-offers.yml";

    private final OfferBook offers;

    DemoOfferSeeder(OfferBook offers) {
        this.offers = offers;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (offers.size() > 0) {
            return;
        }
        offers.saveAll(demoOffers());
        LOG.info("Seeded {} demo offers", offers.size());
    }

    /** The demo offers as shipped (also the simulator's offer set). */
    public static java.util.List<Offer> demoOffers() {
        try (InputStream yaml = DemoOfferSeeder.class.getResourceAsStream(DEMO_OFFERS)) {
            return OfferDefinitions.fromYaml(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
