-- A reservation written by one statement (ReservationRepository.RESERVE): its lines, its stock, its log and its
-- events. A line whose stock falls short is left out by the stock update's own condition; this function then fails
-- the statement, so that none of it is written.
CREATE FUNCTION reservation_short() RETURNS BOOLEAN
  LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog
  AS $$ BEGIN RAISE EXCEPTION 'a line of the reservation is not available' USING ERRCODE = 'PMR01'; END $$;

-- The SKU ids of a reservation with the two events each may raise, as the payloads the statement completes: taken
-- as one row each for the planner, as sku_quantities is (V5).
CREATE FUNCTION sku_events(ids UUID[], stock_changed JSONB[], low_stock JSONB[])
  RETURNS TABLE (sku_id UUID, stock_changed JSONB, low_stock JSONB)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1 SET search_path = pg_catalog
  AS 'SELECT * FROM unnest(ids, stock_changed, low_stock)';
