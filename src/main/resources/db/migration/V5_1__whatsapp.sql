-- WhatsApp channel: owned by dev.parley.channel.whatsapp.
-- Portable across MySQL 8, MariaDB 10.11 and H2 (MySQL mode): no ENGINE/charset clauses, no JSON functions.

-- Inbound messages are acknowledged once stored and answered asynchronously; after a crash the turns that never
-- ran are found again by this index (few rows are unprocessed at any time).
CREATE INDEX messages_unprocessed ON messages (processed, created_at);

-- When the shopper last wrote to one of our numbers, by WhatsApp's own clock: free-form messages may only be sent
-- within 24 hours of it, templates after. address = '<phone_number_id>:<wa_id>' (the conversation's channel user).
CREATE TABLE whatsapp_contacts (
    address         VARCHAR(191) NOT NULL PRIMARY KEY,
    last_inbound_at DATETIME(6)  NOT NULL
);

-- One row per outbound message to send through the Graph API: the primary key makes queuing idempotent, and the
-- state is claimed before the call, so a message is never sent twice. state: pending -> sending -> sent | failed.
CREATE TABLE whatsapp_outbox (
    message_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    conversation_id VARCHAR(36)  NOT NULL,
    seq             BIGINT       NOT NULL,
    phone_number_id VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(64)  NOT NULL,
    state           VARCHAR(8)   NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    wamid           VARCHAR(191) NULL,
    sent_as         VARCHAR(16)  NULL,
    error_code      VARCHAR(16)  NULL,
    error_title     VARCHAR(300) NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL
);
CREATE INDEX whatsapp_outbox_open ON whatsapp_outbox (state, created_at);
CREATE INDEX whatsapp_outbox_wamid ON whatsapp_outbox (wamid);
