-- Orders: orders, their lines and status history, idempotency keys, coupons, payments, webhook deliveries, outbox.

CREATE SEQUENCE order_numbers;

CREATE TABLE orders (
  id              UUID PRIMARY KEY,
  number          TEXT NOT NULL UNIQUE,
  user_id         UUID NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'COMPLETED',
                    'CANCELLED', 'REFUND_REQUESTED', 'REFUNDED')),
  currency        TEXT NOT NULL,
  subtotal        NUMERIC(12, 2) NOT NULL CHECK (subtotal >= 0),
  discount        NUMERIC(12, 2) NOT NULL CHECK (discount >= 0 AND discount <= subtotal),
  shipping_fee    NUMERIC(12, 2) NOT NULL CHECK (shipping_fee >= 0),
  total           NUMERIC(12, 2) NOT NULL CHECK (total = subtotal - discount + shipping_fee),
  coupon_code     TEXT,
  user_coupon_id  UUID,
  address         JSONB NOT NULL,
  note            TEXT,
  reservation_id  TEXT NOT NULL UNIQUE,
  seller_ids      UUID[] NOT NULL,
  expires_at      TIMESTAMPTZ NOT NULL,
  paid_at         TIMESTAMPTZ,
  shipment        JSONB,
  refund          JSONB,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX orders_by_user ON orders (user_id, created_at DESC, id DESC);
CREATE INDEX orders_by_status ON orders (status, created_at DESC, id DESC);
CREATE INDEX orders_by_seller ON orders USING GIN (seller_ids);
CREATE INDEX orders_unpaid ON orders (expires_at) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE order_items (
  order_id    UUID NOT NULL REFERENCES orders (id),
  sku_id      UUID NOT NULL,
  product_id  UUID NOT NULL,
  seller_id   UUID,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  attributes  JSONB NOT NULL,
  image       TEXT,
  unit_price  NUMERIC(12, 2) NOT NULL CHECK (unit_price >= 0),
  quantity    INT NOT NULL CHECK (quantity > 0),
  line_total  NUMERIC(12, 2) NOT NULL CHECK (line_total = unit_price * quantity),
  PRIMARY KEY (order_id, sku_id)
);

CREATE TABLE order_history (
  id           BIGSERIAL PRIMARY KEY,
  order_id     UUID NOT NULL REFERENCES orders (id),
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  actor        TEXT NOT NULL CHECK (actor IN ('user', 'seller', 'admin', 'system', 'payment')),
  actor_id     UUID,
  reason       TEXT,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX order_history_by_order ON order_history (order_id, id);

CREATE TABLE idempotency_keys (
  user_id       UUID NOT NULL,
  key           TEXT NOT NULL,
  request_hash  TEXT NOT NULL,
  order_id      UUID NOT NULL REFERENCES orders (id),
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE coupons (
  id              UUID PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  type            TEXT NOT NULL CHECK (type IN ('FIXED', 'PERCENT')),
  value           NUMERIC(12, 2) NOT NULL CHECK (value > 0 AND (type = 'FIXED' OR value <= 100)),
  max_discount    NUMERIC(12, 2) CHECK (max_discount > 0),
  min_spend       NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (min_spend >= 0),
  starts_at       TIMESTAMPTZ NOT NULL,
  ends_at         TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
  total_quantity  INT NOT NULL CHECK (total_quantity > 0),
  claimed         INT NOT NULL DEFAULT 0 CHECK (claimed >= 0 AND claimed <= total_quantity),
  per_user_limit  INT NOT NULL CHECK (per_user_limit > 0),
  created_by      UUID,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE user_coupons (
  id          UUID PRIMARY KEY,
  coupon_id   UUID NOT NULL REFERENCES coupons (id),
  user_id     UUID NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('AVAILABLE', 'USED')),
  order_id    UUID,
  claimed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  used_at     TIMESTAMPTZ
);
CREATE INDEX user_coupons_by_user ON user_coupons (user_id, coupon_id);

CREATE TABLE payments (
  id            UUID PRIMARY KEY,
  order_id      UUID NOT NULL REFERENCES orders (id),
  provider      TEXT NOT NULL,
  method        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
  amount        NUMERIC(12, 2) NOT NULL CHECK (amount >= 0),
  currency      TEXT NOT NULL,
  outcome       TEXT,
  provider_ref  TEXT,
  refund_ref    TEXT,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payments_by_order ON payments (order_id);

CREATE TABLE webhook_events (
  provider     TEXT NOT NULL,
  event_id     TEXT NOT NULL,
  received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, event_id)
);

CREATE TABLE outbox (
  id            BIGSERIAL PRIMARY KEY,
  topic         TEXT NOT NULL,
  aggregate_id  TEXT NOT NULL,
  event_id      UUID NOT NULL,
  event_type    TEXT NOT NULL,
  payload       JSONB NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
