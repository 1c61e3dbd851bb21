-- Deal-expiry reminders queued for opted-in shoppers; channels send them and set the status.
CREATE TABLE deal_reminders (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    shopper_id   VARCHAR(100) NOT NULL,
    offer_id     VARCHAR(64)  NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    channel      VARCHAR(20)  NOT NULL,
    deal_ends_at DATETIME(6)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    detail       VARCHAR(255),
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    CONSTRAINT deal_reminders_once UNIQUE (shopper_id, offer_id, sku)
);
CREATE INDEX deal_reminders_status ON deal_reminders (status, created_at);
