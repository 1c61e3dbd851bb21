-- Human hand-off: owned by dev.parley.handoff. Portable across MySQL 8, MariaDB 10.11 and H2 (MySQL mode).
-- Conversations are referenced by id only: they belong to dev.parley.conversation.

-- People who answer shoppers. skills and languages are comma-separated (orders,returns / en,de); active_count is
-- how many conversations the agent holds, changed only under this row's lock, never above capacity.
CREATE TABLE handoff_agents (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    skills        VARCHAR(255) NOT NULL,
    languages     VARCHAR(100) NOT NULL,
    capacity      INT          NOT NULL,
    active_count  INT          NOT NULL,
    online        BOOLEAN      NOT NULL,
    last_seen_at  DATETIME(6)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL
);

-- One hand-off of one conversation: waiting in a queue (skill + language), assigned to an agent, then closed
-- (resolved, returned to the bot, or cancelled when the conversation moved on without us).
-- rank orders the queue: priority + aging per waiting minute, stored as priority - aging * (minutes since epoch
-- at waiting_since), so ORDER BY rank DESC is the aged priority at any moment, with no date arithmetic in SQL.
-- open_conversation_id equals conversation_id while the hand-off is open and is NULL after: at most one open
-- hand-off per conversation.
CREATE TABLE handoff_escalations (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    conversation_id      VARCHAR(36)  NOT NULL,
    open_conversation_id VARCHAR(36)  NULL,
    shopper_id           VARCHAR(36)  NOT NULL,
    channel              VARCHAR(16)  NOT NULL,
    skill                VARCHAR(32)  NOT NULL,
    language             VARCHAR(16)  NOT NULL,
    reasons              VARCHAR(500) NOT NULL,
    priority             INT          NOT NULL,
    queue_rank           DOUBLE       NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    target_agent_id      VARCHAR(64)  NULL,
    agent_id             VARCHAR(64)  NULL,
    enqueued_at          DATETIME(6)  NOT NULL,
    waiting_since        DATETIME(6)  NOT NULL,
    assigned_at          DATETIME(6)  NULL,
    first_reply_at       DATETIME(6)  NULL,
    awaiting_agent_since DATETIME(6)  NULL,
    closed_at            DATETIME(6)  NULL,
    disposition          VARCHAR(40)  NULL,
    requeue_count        INT          NOT NULL,
    CONSTRAINT handoff_escalations_open UNIQUE (open_conversation_id)
);
CREATE INDEX handoff_escalations_queue ON handoff_escalations (status, queue_rank);
CREATE INDEX handoff_escalations_agent ON handoff_escalations (agent_id, status);
CREATE INDEX handoff_escalations_conversation ON handoff_escalations (conversation_id, enqueued_at);
CREATE INDEX handoff_escalations_enqueued ON handoff_escalations (enqueued_at);

-- Internal notes on a conversation (agents only; never sent to the shopper), transfer notes included.
CREATE TABLE handoff_notes (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    conversation_id VARCHAR(36)  NOT NULL,
    escalation_id   VARCHAR(36)  NULL,
    agent_id        VARCHAR(64)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    text            TEXT         NOT NULL,
    created_at      DATETIME(6)  NOT NULL
);
CREATE INDEX handoff_notes_conversation ON handoff_notes (conversation_id, created_at);
