-- A key without an order is a checkout that failed after reserving stock: its reservation is given back, and a
-- replay of that key answers 409 CHECKOUT_FAILED instead of placing an order on the released stock.
ALTER TABLE idempotency_keys ALTER COLUMN order_id DROP NOT NULL;
