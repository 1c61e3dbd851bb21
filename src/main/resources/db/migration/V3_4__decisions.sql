-- Every offer shown: context, action, propensity (for off-policy evaluation) and, later, its outcome.
CREATE TABLE offer_decisions (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    request_id  VARCHAR(36)  NOT NULL,
    shopper_id  VARCHAR(100) NOT NULL,
    offer_id    VARCHAR(64)  NOT NULL,
    channel     VARCHAR(20)  NOT NULL,
    strategy    VARCHAR(20)  NOT NULL,
    segment     VARCHAR(40)  NOT NULL,
    position    INT          NOT NULL,
    propensity  DOUBLE       NOT NULL,
    score       DOUBLE       NOT NULL,
    features    TEXT         NOT NULL,
    context     TEXT         NOT NULL,
    decided_at  DATETIME(6)  NOT NULL,
    outcome     VARCHAR(20),
    reward      DOUBLE,
    rewarded_at DATETIME(6)
);
CREATE INDEX offer_decisions_open ON offer_decisions (outcome, decided_at);
CREATE INDEX offer_decisions_shopper ON offer_decisions (shopper_id, decided_at);

-- The learning log: one row per outcome; the bandit learns from the first outcome of a decision (learned).
-- id order is the order the model saw them, so a restart replays rewards after the last snapshot.
CREATE TABLE offer_rewards (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    decision_id VARCHAR(36) NOT NULL,
    outcome     VARCHAR(20) NOT NULL,
    reward      DOUBLE      NOT NULL,
    learned     BOOLEAN     NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT offer_rewards_once UNIQUE (decision_id, outcome)
);

-- The bandit's learned state, written every few hundred rewards and at shutdown.
CREATE TABLE bandit_snapshots (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    last_reward_id BIGINT      NOT NULL,
    state          LONGTEXT    NOT NULL,
    taken_at       DATETIME(6) NOT NULL
);
