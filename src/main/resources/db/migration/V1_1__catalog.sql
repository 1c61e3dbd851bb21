-- The product catalogue: owned by dev.parley.catalog; other features read it through ProductCatalog.
CREATE TABLE products (
    sku           VARCHAR(64)    NOT NULL PRIMARY KEY,
    name          VARCHAR(255)   NOT NULL,
    category      VARCHAR(100)   NOT NULL,
    category_path VARCHAR(255)   NOT NULL,
    brand         VARCHAR(100)   NOT NULL,
    color         VARCHAR(50)    NOT NULL,
    sizes         VARCHAR(500)   NOT NULL,
    price         DECIMAL(12, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    stock         INT            NOT NULL,
    rating        DECIMAL(3, 1)  NOT NULL,
    popularity    INT            NOT NULL,
    updated_at    TIMESTAMP(6)   NOT NULL
);
CREATE INDEX products_category ON products (category);
