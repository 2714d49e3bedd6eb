-- SKU ids (with their quantities or movements) handed to a statement as arrays, as sets the planner takes for short
-- ones. It estimates unnest() of an array parameter at the array's length in a custom plan but at 10-100 rows in a
-- generic one, so it found every generic plan of the stock statements dearer than a custom one and planned them
-- anew on every run: measured on 2026-12-07 with pg_stat_statements, 0.9 ms of PostgreSQL's CPU per checkout,
-- two thirds of what executing them took. Estimated at one row either way, the generic plan (an index lookup per
-- SKU, the right plan for any cart) is kept after five runs. The SET clause keeps the planner from inlining them,
-- which would bring unnest()'s estimate back.
CREATE FUNCTION sku_list(ids UUID[]) RETURNS TABLE (sku_id UUID)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1 SET search_path = pg_catalog
  AS 'SELECT * FROM unnest(ids)';

CREATE FUNCTION sku_quantities(ids UUID[], quantities INT[]) RETURNS TABLE (sku_id UUID, quantity INT)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1 SET search_path = pg_catalog
  AS 'SELECT * FROM unnest(ids, quantities)';

CREATE FUNCTION sku_movements(ids UUID[], on_hand_deltas INT[], reserved_deltas INT[])
  RETURNS TABLE (sku_id UUID, on_hand_delta INT, reserved_delta INT)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1 SET search_path = pg_catalog
  AS 'SELECT * FROM unnest(ids, on_hand_deltas, reserved_deltas)';
