package dev.parley.conversation;

import dev.parley.message.Channel;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds or creates the shopper behind a channel identity. A site customer id links identities: the first time an
 * identity is seen with a customer id, it joins that customer's shopper (so the same person on web chat and
 * WhatsApp is one shopper). Runs inside the caller's transaction.
 */
@Singleton
class ShopperDirectory {

    private final ShopperRepository shoppers;

    ShopperDirectory(ShopperRepository shoppers) {
        this.shoppers = shoppers;
    }

    Optional<Shopper> find(String shopperId) {
        return shoppers.find(shopperId);
    }

    Shopper resolve(Channel channel, String channelUserId, @Nullable String customerId,
                    @Nullable String displayName, Instant now) {
        Optional<String> known = shoppers.findShopperIdByIdentity(channel, channelUserId);
        Optional<Shopper> customer = customerId == null ? Optional.empty() : shoppers.findByCustomerId(customerId);
        Shopper shopper;
        if (known.isPresent()) {
            shopper = shoppers.find(known.get()).orElseThrow();
            if (customerId != null && !customerId.equals(shopper.customerId())) {
                if (customer.isPresent()) {
                    // the visitor logged in as a customer we already know: the identity joins that shopper
                    shoppers.moveIdentity(channel, channelUserId, customer.get().id());
                    shopper = customer.get();
                } else if (shopper.customerId() == null) {
                    shopper = new Shopper(shopper.id(), shopper.displayName(), customerId, shopper.createdAt());
                    shoppers.update(shopper);
                } else {
                    // a device shared by two customers: the second one gets their own shopper
                    shopper = new Shopper(UUID.randomUUID().toString(), displayName, customerId, now);
                    shoppers.insert(shopper);
                    shoppers.moveIdentity(channel, channelUserId, shopper.id());
                }
            }
        } else {
            shopper = customer.orElse(null);
            if (shopper == null) {
                shopper = new Shopper(UUID.randomUUID().toString(), displayName, customerId, now);
                shoppers.insert(shopper);
            }
            shoppers.insertIdentity(channel, channelUserId, shopper.id(), now);
        }
        if (displayName != null && !displayName.isBlank() && !displayName.equals(shopper.displayName())) {
            shopper = new Shopper(shopper.id(), displayName, shopper.customerId(), shopper.createdAt());
            shoppers.update(shopper);
        }
        return shopper;
    }

    void lockIdentity(Channel channel, String channelUserId) {
        shoppers.lockIdentity(channel, channelUserId);
    }
}
