-- Conversations: owned by dev.parley.conversation; other features go through ConversationService.
-- Portable across MySQL 8, MariaDB 10.11 and H2 (MySQL mode): no ENGINE/charset clauses, no JSON functions.

-- A person we talk to, however many channels they use. customer_id links identities when the site knows them.
CREATE TABLE shoppers (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(100) NULL,
    customer_id  VARCHAR(100) NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    CONSTRAINT shoppers_customer UNIQUE (customer_id)
);

-- Who the shopper is on one channel: web chat visitor id, WhatsApp wa_id, caller number, voice-assistant user id.
CREATE TABLE channel_identities (
    channel         VARCHAR(16)  NOT NULL,
    channel_user_id VARCHAR(191) NOT NULL,
    shopper_id      VARCHAR(36)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (channel, channel_user_id),
    CONSTRAINT channel_identities_shopper FOREIGN KEY (shopper_id) REFERENCES shoppers (id)
);
CREATE INDEX channel_identities_by_shopper ON channel_identities (shopper_id);

-- state: bot -> queued -> agent -> closed (and back to bot). dialogue_context is the dialogue's JSON state;
-- last_seq hands out per-conversation message numbers under the row lock.
CREATE TABLE conversations (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    shopper_id           VARCHAR(36)  NOT NULL,
    channel              VARCHAR(16)  NOT NULL,
    channel_user_id      VARCHAR(191) NOT NULL,
    session_id           VARCHAR(191) NULL,
    locale               VARCHAR(35)  NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    needs_human          BOOLEAN      NOT NULL,
    needs_human_reason   VARCHAR(200) NULL,
    consecutive_failures INT          NOT NULL,
    dialogue_context     TEXT         NOT NULL,
    last_seq             BIGINT       NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    CONSTRAINT conversations_session UNIQUE (channel, session_id),
    CONSTRAINT conversations_shopper FOREIGN KEY (shopper_id) REFERENCES shoppers (id)
);
CREATE INDEX conversations_by_identity ON conversations (channel, channel_user_id, state);
CREATE INDEX conversations_by_state ON conversations (state, updated_at);

-- Every message in and out. (dedupe_scope, channel_message_id) is unique: a redelivered message (same client or
-- provider id) finds the stored one instead of a second row. dedupe_scope is the channel for provider-wide ids
-- (WhatsApp wamid) and the channel plus session for client-generated ids (web chat).
CREATE TABLE messages (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    conversation_id    VARCHAR(36)  NOT NULL,
    seq                BIGINT       NOT NULL,
    direction          VARCHAR(8)   NOT NULL,
    author             VARCHAR(8)   NOT NULL,
    author_id          VARCHAR(100) NULL,
    text               TEXT         NOT NULL,
    rich_payload       TEXT         NULL,
    nlu_result         TEXT         NULL,
    dedupe_scope       VARCHAR(64)  NOT NULL,
    channel_message_id VARCHAR(191) NULL,
    reply_to_id        VARCHAR(36)  NULL,
    processed          BOOLEAN      NOT NULL,
    delivery_status    VARCHAR(10)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    status_updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT messages_seq UNIQUE (conversation_id, seq),
    CONSTRAINT messages_channel_message UNIQUE (dedupe_scope, channel_message_id),
    CONSTRAINT messages_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id)
);
CREATE INDEX messages_by_reply_to ON messages (reply_to_id);
