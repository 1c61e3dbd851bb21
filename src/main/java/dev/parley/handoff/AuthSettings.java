package dev.parley.handoff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code parley.handoff.auth.*}: agent logins. Secrets come only from the environment.
 *
 * @param adminUser          PARLEY_ADMIN_USER: a supervisor created (or whose password is reset) at start-up
 * @param adminPassword      PARLEY_ADMIN_PASSWORD
 * @param jwtSecret          PARLEY_JWT_SECRET, at least 32 characters; unset, a random one is made at start-up (tokens
 *                           then die with the process, and several instances do not accept each other's)
 * @param tokenMinutes       how long a login lasts
 * @param passwordIterations PBKDF2-HMAC-SHA256 iterations for new password hashes (stored hashes keep theirs)
 */
@ConfigurationProperties("parley.handoff.auth")
public record AuthSettings(@Nullable String adminUser, @Nullable String adminPassword, @Nullable String jwtSecret,
                           @Bindable(defaultValue = "480") int tokenMinutes,
                           @Bindable(defaultValue = "600000") int passwordIterations) {

    public AuthSettings {
        if (tokenMinutes < 1 || passwordIterations < 1) {
            throw new IllegalArgumentException("parley.handoff.auth token-minutes and password-iterations must be"
                    + " positive");
        }
    }
}
