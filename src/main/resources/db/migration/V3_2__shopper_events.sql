-- Shopper events (POST /api/events and conversation turns). event_id makes retries idempotent.
CREATE TABLE shopper_events (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id    VARCHAR(100) NOT NULL,
    shopper_id  VARCHAR(100) NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    received_at DATETIME(6)  NOT NULL,
    properties  TEXT         NOT NULL,
    CONSTRAINT shopper_events_event_id UNIQUE (event_id)
);
CREATE INDEX shopper_events_shopper ON shopper_events (shopper_id, occurred_at);
