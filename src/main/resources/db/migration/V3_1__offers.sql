-- Offers and coupons: owned by dev.parley.offers; other features use OfferBook / OfferEngine.
-- The definition is the offer as JSON (TEXT, no JSON functions): read whole into memory, never queried inside.
CREATE TABLE offers (
    id             VARCHAR(64)    NOT NULL PRIMARY KEY,
    definition     TEXT           NOT NULL,
    redemptions    INT            NOT NULL DEFAULT 0,
    discount_spent DECIMAL(14, 2) NOT NULL DEFAULT 0,
    created_at     DATETIME(6)    NOT NULL,
    updated_at     DATETIME(6)    NOT NULL
);

-- Codes of UNIQUE-coupon offers, one per shopper and offer.
CREATE TABLE offer_coupons (
    offer_id   VARCHAR(64)  NOT NULL,
    shopper_id VARCHAR(100) NOT NULL,
    code       VARCHAR(64)  NOT NULL,
    issued_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (offer_id, shopper_id),
    CONSTRAINT offer_coupons_code UNIQUE (code)
);
