-- Demand-based price multipliers (one per product or category) and the audit log of every change.
CREATE TABLE price_multipliers (
    scope      VARCHAR(10)   NOT NULL,
    scope_key  VARCHAR(100)  NOT NULL,
    multiplier DECIMAL(6, 4) NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (scope, scope_key)
);

CREATE TABLE price_multiplier_changes (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    scope          VARCHAR(10)   NOT NULL,
    scope_key      VARCHAR(100)  NOT NULL,
    old_multiplier DECIMAL(6, 4) NOT NULL,
    new_multiplier DECIMAL(6, 4) NOT NULL,
    target         DECIMAL(6, 4) NOT NULL,
    demand         DOUBLE        NOT NULL,
    stock          INT           NOT NULL,
    changed_at     DATETIME(6)   NOT NULL
);
CREATE INDEX price_multiplier_changes_key ON price_multiplier_changes (scope_key, changed_at);
