-- catalog.stock.restore: a confirmed (sold) reservation whose units come back on hand, for example after a refund.
ALTER TABLE reservations DROP CONSTRAINT reservations_status_check;
ALTER TABLE reservations ADD CONSTRAINT reservations_status_check
  CHECK (status IN ('RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED', 'RESTORED'));

-- Reservation lines now remember the seller; lines stored before this learn it from their product.
UPDATE reservation_lines l SET snapshot = l.snapshot || jsonb_build_object('sellerId', p.seller_id)
FROM products p WHERE p.id = l.product_id AND l.snapshot->>'sellerId' IS NULL;
