-- Catalog: categories, brands, products, SKUs, prices, inventory, reservations, search terms, outbox.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE categories (
  id          UUID PRIMARY KEY,
  parent_id   UUID REFERENCES categories (id),
  name        TEXT NOT NULL,
  slug        TEXT NOT NULL UNIQUE,
  sort_order  INT NOT NULL DEFAULT 0,
  active      BOOLEAN NOT NULL DEFAULT TRUE,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX categories_parent ON categories (parent_id);

CREATE TABLE brands (
  id          UUID PRIMARY KEY,
  name        TEXT NOT NULL,
  slug        TEXT NOT NULL UNIQUE,
  logo_url    TEXT,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE products (
  id            UUID PRIMARY KEY,
  seller_id     UUID NOT NULL,
  category_id   UUID NOT NULL REFERENCES categories (id),
  brand_id      UUID REFERENCES brands (id),
  name          TEXT NOT NULL,
  slug          TEXT NOT NULL UNIQUE,
  description   TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'INACTIVE', 'DELETED')),
  -- cheapest active SKU, kept in the same transaction as every price or SKU change (filters and sorts use it)
  min_price     NUMERIC(12, 2),
  sold_count    BIGINT NOT NULL DEFAULT 0 CHECK (sold_count >= 0),
  rating        NUMERIC(3, 2) NOT NULL DEFAULT 0,
  review_count  INT NOT NULL DEFAULT 0,
  search_vector TSVECTOR GENERATED ALWAYS AS (
                  setweight(to_tsvector('simple', name), 'A') ||
                  setweight(to_tsvector('simple', description), 'B')) STORED,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  published_at  TIMESTAMPTZ
);
CREATE INDEX products_search ON products USING gin (search_vector);
CREATE INDEX products_name_trgm ON products USING gin (lower(name) public.gin_trgm_ops);
CREATE INDEX products_description_trgm ON products USING gin (lower(description) public.gin_trgm_ops);
CREATE INDEX products_category ON products (category_id, status);
CREATE INDEX products_brand ON products (brand_id, status);
CREATE INDEX products_seller ON products (seller_id, created_at DESC);
CREATE INDEX products_active_newest ON products (created_at DESC, id) WHERE status = 'ACTIVE';
CREATE INDEX products_active_price ON products (min_price, id) WHERE status = 'ACTIVE';
CREATE INDEX products_active_sales ON products (sold_count DESC, id) WHERE status = 'ACTIVE';

CREATE TABLE skus (
  id                  UUID PRIMARY KEY,
  product_id          UUID NOT NULL REFERENCES products (id),
  code                TEXT NOT NULL UNIQUE,
  attributes          JSONB NOT NULL DEFAULT '{}',
  price               NUMERIC(12, 2) NOT NULL CHECK (price > 0),
  original_price      NUMERIC(12, 2) CHECK (original_price > 0),
  weight              NUMERIC(10, 3) CHECK (weight >= 0),
  status              TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
  low_stock_threshold INT NOT NULL DEFAULT 5 CHECK (low_stock_threshold >= 0),
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX skus_product ON skus (product_id);
CREATE INDEX skus_attributes ON skus USING gin (attributes jsonb_path_ops);

CREATE TABLE price_history (
  id                 BIGSERIAL PRIMARY KEY,
  sku_id             UUID NOT NULL REFERENCES skus (id),
  old_price          NUMERIC(12, 2),
  new_price          NUMERIC(12, 2) NOT NULL,
  old_original_price NUMERIC(12, 2),
  new_original_price NUMERIC(12, 2),
  changed_by         UUID,
  changed_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX price_history_sku ON price_history (sku_id, id DESC);

-- available = on_hand - reserved; the checks make overselling impossible even for a buggy caller.
CREATE TABLE inventory (
  sku_id    UUID PRIMARY KEY REFERENCES skus (id),
  on_hand   INT NOT NULL CHECK (on_hand >= 0),
  reserved  INT NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  CHECK (reserved <= on_hand)
);

CREATE TABLE inventory_log (
  id              BIGSERIAL PRIMARY KEY,
  sku_id          UUID NOT NULL REFERENCES skus (id),
  on_hand_delta   INT NOT NULL,
  reserved_delta  INT NOT NULL,
  on_hand_after   INT NOT NULL,
  reserved_after  INT NOT NULL,
  reason          TEXT NOT NULL,
  reference       TEXT,
  actor_id        UUID,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX inventory_log_sku ON inventory_log (sku_id, id DESC);

CREATE TABLE reservations (
  id          TEXT PRIMARY KEY,
  status      TEXT NOT NULL CHECK (status IN ('RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
  expires_at  TIMESTAMPTZ NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX reservations_expiring ON reservations (expires_at) WHERE status = 'RESERVED';

CREATE TABLE reservation_lines (
  reservation_id  TEXT NOT NULL REFERENCES reservations (id),
  sku_id          UUID NOT NULL REFERENCES skus (id),
  product_id      UUID NOT NULL,
  quantity        INT NOT NULL CHECK (quantity > 0),
  unit_price      NUMERIC(12, 2) NOT NULL,
  snapshot        JSONB NOT NULL,
  PRIMARY KEY (reservation_id, sku_id)
);

CREATE TABLE product_images (
  id             UUID PRIMARY KEY,
  product_id     UUID NOT NULL REFERENCES products (id),
  position       INT NOT NULL,
  cover          BOOLEAN NOT NULL DEFAULT FALSE,
  content_type   TEXT NOT NULL,
  width          INT NOT NULL,
  height         INT NOT NULL,
  size_bytes     INT NOT NULL,
  original_key   TEXT NOT NULL,
  medium_key     TEXT NOT NULL,
  thumbnail_key  TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX product_images_product ON product_images (product_id, position);
CREATE UNIQUE INDEX product_images_one_cover ON product_images (product_id) WHERE cover;

-- Words of product names, for typo correction ("iphnoe" -> "iphone") through trigram nearest neighbours.
CREATE TABLE search_terms (
  term  TEXT PRIMARY KEY
);
CREATE INDEX search_terms_trgm ON search_terms USING gist (term public.gist_trgm_ops);

CREATE TABLE outbox (
  id           BIGSERIAL PRIMARY KEY,
  topic        TEXT NOT NULL,
  aggregate_id TEXT NOT NULL,
  event_id     UUID NOT NULL,
  event_type   TEXT NOT NULL,
  payload      JSONB NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
