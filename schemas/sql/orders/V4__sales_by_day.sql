-- The seller console's chart reads the orders paid in the last days.
CREATE INDEX orders_by_paid_at ON orders (paid_at) WHERE paid_at IS NOT NULL;
