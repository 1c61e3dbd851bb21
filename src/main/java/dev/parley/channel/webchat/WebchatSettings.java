package dev.parley.channel.webchat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code parley.webchat.*}.
 *
 * @param maxTextLength      longest message text accepted, in UTF-16 characters as the NLU counts them
 * @param rateLimitPerMinute messages one session may send per minute; more are answered 429
 * @param customerIdSecret   when set (env PARLEY_WEBCHAT_CUSTOMER_ID_SECRET), a session's {@code customerId} must be
 *                           signed by the shop: {@code <id>.<hex HMAC-SHA256(secret, id)>}; unset (the demo), it is
 *                           taken on trust
 */
@ConfigurationProperties("parley.webchat")
public record WebchatSettings(@Bindable(defaultValue = "2000") int maxTextLength,
                              @Bindable(defaultValue = "30") int rateLimitPerMinute,
                              @Nullable String customerIdSecret) {
}
