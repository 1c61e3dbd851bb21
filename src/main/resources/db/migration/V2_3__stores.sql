-- Physical stores: owned by dev.parley.stores (StoreDirectory). Opening hours per weekday as "09:00-20:00" or
-- "closed", in the store's own time zone.
CREATE TABLE stores (
    id         VARCHAR(40)  NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    city       VARCHAR(100) NOT NULL,
    country    CHAR(2)      NOT NULL,
    address    VARCHAR(300) NOT NULL,
    phone      VARCHAR(40)  NOT NULL,
    time_zone  VARCHAR(50)  NOT NULL,
    hours_mon  VARCHAR(20)  NOT NULL,
    hours_tue  VARCHAR(20)  NOT NULL,
    hours_wed  VARCHAR(20)  NOT NULL,
    hours_thu  VARCHAR(20)  NOT NULL,
    hours_fri  VARCHAR(20)  NOT NULL,
    hours_sat  VARCHAR(20)  NOT NULL,
    hours_sun  VARCHAR(20)  NOT NULL
);
CREATE INDEX stores_by_city ON stores (city);
