-- Reconciliation of payments whose webhook never came, and the sandbox provider's own record of its payments.

-- When the reconciliation sweep last asked the provider about a pending payment: a sweep claims the payments it asks
-- about by setting it, so sweeps on several instances and nodes share them, and asks again only a while later.
ALTER TABLE payments ADD COLUMN checked_at TIMESTAMPTZ;
CREATE INDEX payments_pending ON payments ((coalesce(checked_at, created_at))) WHERE status = 'PENDING';

-- What the built-in sandbox provider decided for each payment it took, kept the way a real gateway keeps it on its
-- side: durably and once for all nodes, so that any of them can ask it how a payment stands.
CREATE TABLE sandbox_payments (
  payment_id  UUID PRIMARY KEY,
  succeeds    BOOLEAN NOT NULL,
  settles_at  TIMESTAMPTZ NOT NULL,
  amount      NUMERIC(12, 2) NOT NULL,
  currency    TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
