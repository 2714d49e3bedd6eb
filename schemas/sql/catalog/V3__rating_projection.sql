-- The ratings projection: products.rating and review_count are set from the reviews' ProductRatingChanged events
-- (topic polymart.reviews). rating_changed_at is the occurredAt of the event they come from, so that an older event
-- read after a newer one (a replay, a redelivery) never takes the rating back. NULL: no event seen yet.
ALTER TABLE products ADD COLUMN rating_changed_at TIMESTAMPTZ;
