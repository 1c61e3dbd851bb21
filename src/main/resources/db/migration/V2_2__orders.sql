-- Orders: owned by dev.parley.orders (OrderBook); the dialogue's order actions read and change them through it.
-- status: placed, processing, shipped, out_for_delivery, delivered, cancelled, returned.
-- refund_status: none, requested, processing, refunded; refund_expected: when the money should be back.
CREATE TABLE orders (
    order_number       VARCHAR(20)    NOT NULL PRIMARY KEY,
    customer_id        VARCHAR(100)   NULL,
    status             VARCHAR(20)    NOT NULL,
    items              VARCHAR(500)   NOT NULL,
    total              DECIMAL(12, 2) NOT NULL,
    currency           CHAR(3)        NOT NULL,
    carrier            VARCHAR(50)    NULL,
    tracking_number    VARCHAR(64)    NULL,
    tracking_url       VARCHAR(500)   NULL,
    shipping_address   VARCHAR(500)   NOT NULL,
    placed_at          DATETIME(6)    NOT NULL,
    estimated_delivery DATE           NULL,
    delivered_at       DATETIME(6)    NULL,
    refund_status      VARCHAR(20)    NOT NULL,
    refund_amount      DECIMAL(12, 2) NULL,
    refund_expected    DATE           NULL,
    updated_at         DATETIME(6)    NOT NULL
);
CREATE INDEX orders_by_customer ON orders (customer_id, placed_at);
