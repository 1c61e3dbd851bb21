-- Shopper profiles, kept current incrementally from events; state is the profile as JSON (TEXT).
CREATE TABLE shopper_profiles (
    shopper_id       VARCHAR(100) NOT NULL PRIMARY KEY,
    state            TEXT         NOT NULL,
    reminder_opt_in  BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at       DATETIME(6)  NOT NULL
);
CREATE INDEX shopper_profiles_opt_in ON shopper_profiles (reminder_opt_in);

-- Life events with their expiry (moving_home, new_baby, student, wedding, ...), one row per shopper and kind.
CREATE TABLE shopper_life_events (
    shopper_id  VARCHAR(100) NOT NULL,
    life_event  VARCHAR(50)  NOT NULL,
    source      VARCHAR(100) NOT NULL,
    detected_at DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (shopper_id, life_event)
);
