-- Dashboards are audited like every other table.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON dashboards
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
-- The valuation rollup: book value totals at the dates in valuation_dates, by location, category and status, so a
-- dashboard sums a few thousand rows instead of valuing a million items at a dozen dates. A date is computed in
-- full when first maintained (server/src/modules/dashboards/rollup-repo.ts); from then on, every change to what
-- values an item appends its difference: the item's contribution after the change less before it, each worked out
-- from the database as it stands when the trigger runs, so changes in any order add up.
--
-- Advisory lock 7412: item writes hold it shared until they commit; computing a date or changing a category's
-- depreciation settings holds it exclusively, so neither can miss a write in flight.

-- What item rows add to the totals at every maintained date. The rule is the depreciation module's (ownedAt and
-- bookValueAt in server/src/modules/depreciation/repo.ts), restated here; a test holds the two together.
CREATE FUNCTION eis_valuation_contributions(rows inventory_items[])
RETURNS TABLE (as_of date, location_id bigint, category_id bigint, status varchar, items integer, cost numeric,
  book_value numeric)
LANGUAGE sql STABLE AS $$
  SELECT v.as_of, i.location_id, i.category_id, i.status, count(*)::integer, sum(i.purchase_price),
    sum(coalesce(round(eis_book_value(
      i.purchase_price, i.purchase_date,
      coalesce(i.depreciation_method, c.depreciation_method), c.depreciation_rate,
      coalesce(i.useful_life_months, c.useful_life_months), coalesce(i.salvage_value, c.salvage_value),
      coalesce(i.recovery_period, c.recovery_period), v.as_of), 2), i.purchase_price))
  FROM unnest(rows) i
  LEFT JOIN categories c ON c.id = i.category_id
  LEFT JOIN item_disposals d ON d.item_id = i.id
  CROSS JOIN valuation_dates v
  WHERE i.purchase_price IS NOT NULL
    AND (i.purchase_date IS NULL OR i.purchase_date <= v.as_of)
    AND (i.status <> 'disposed' OR d.disposed_on > v.as_of)
  GROUP BY 1, 2, 3, 4
$$;
--> statement-breakpoint
-- Appends what `after` adds less what `before` took, one row per date and group that moved.
CREATE FUNCTION eis_valuation_change(before inventory_items[], after inventory_items[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO valuation_rollup (as_of, location_id, category_id, status, items, cost, book_value)
  SELECT as_of, location_id, category_id, status, sum(items), sum(cost), sum(book_value)
  FROM (
    SELECT as_of, location_id, category_id, status, -items AS items, -cost AS cost, -book_value AS book_value
    FROM eis_valuation_contributions(before)
    UNION ALL
    SELECT * FROM eis_valuation_contributions(after)
  ) moved
  GROUP BY 1, 2, 3, 4
  HAVING sum(items) <> 0 OR sum(cost) <> 0 OR sum(book_value) <> 0
$$;
--> statement-breakpoint
-- Takes the rollup's lock (exclusive or shared) and says whether any date is maintained at all.
CREATE FUNCTION eis_valuation_lock(exclusive boolean) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF exclusive THEN
    PERFORM pg_advisory_xact_lock(7412);
  ELSE
    PERFORM pg_advisory_xact_lock_shared(7412);
  END IF;
  RETURN EXISTS (SELECT 1 FROM valuation_dates);
END $$;
--> statement-breakpoint
-- (Transition table rows are anonymous records: aggregated into a typed variable, they are item rows again.)
CREATE FUNCTION eis_valuation_items_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  after inventory_items[];
BEGIN
  IF eis_valuation_lock(false) THEN
    SELECT array_agg(n) INTO after FROM new_rows n;
    PERFORM eis_valuation_change('{}', after);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only rows whose valuation inputs changed: a revaluation rewriting current_value everywhere adds nothing.
CREATE FUNCTION eis_valuation_items_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  before inventory_items[];
  after inventory_items[];
BEGIN
  IF NOT eis_valuation_lock(false) THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(o), array_agg(n) INTO before, after
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE (o.purchase_price, o.purchase_date, o.status, o.location_id, o.category_id, o.depreciation_method,
         o.useful_life_months, o.salvage_value, o.recovery_period)
    IS DISTINCT FROM (n.purchase_price, n.purchase_date, n.status, n.location_id, n.category_id,
         n.depreciation_method, n.useful_life_months, n.salvage_value, n.recovery_period);
  IF before IS NOT NULL THEN
    PERFORM eis_valuation_change(before, after);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Before the row goes, while its disposal record (deleted with it) still says until when it was owned.
CREATE FUNCTION eis_valuation_item_deleting() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF eis_valuation_lock(false) THEN
    PERFORM eis_valuation_change(ARRAY[OLD], '{}');
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER valuation_rollup_insert AFTER INSERT ON inventory_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION eis_valuation_items_inserted();
--> statement-breakpoint
CREATE TRIGGER valuation_rollup_update AFTER UPDATE ON inventory_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION eis_valuation_items_updated();
--> statement-breakpoint
CREATE TRIGGER valuation_rollup_delete BEFORE DELETE ON inventory_items
  FOR EACH ROW EXECUTE FUNCTION eis_valuation_item_deleting();
--> statement-breakpoint
-- A disposal record moves the end of an item's ownership: its contribution is taken out before the change and
-- put back after it. The item row is locked so a concurrent edit of it is either seen or waits.
CREATE FUNCTION eis_valuation_disposal_changing() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  item_ids bigint[] := ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.item_id END,
                             CASE WHEN TG_OP <> 'DELETE' THEN NEW.item_id END];
  items inventory_items[];
BEGIN
  IF eis_valuation_lock(false) THEN
    PERFORM 1 FROM inventory_items WHERE id = ANY(item_ids) FOR NO KEY UPDATE;
    items := ARRAY(SELECT i FROM inventory_items i WHERE i.id = ANY(item_ids));
    IF TG_WHEN = 'BEFORE' THEN
      PERFORM eis_valuation_change(items, '{}');
    ELSE
      PERFORM eis_valuation_change('{}', items);
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER valuation_rollup_before BEFORE INSERT OR UPDATE OR DELETE ON item_disposals
  FOR EACH ROW EXECUTE FUNCTION eis_valuation_disposal_changing();
--> statement-breakpoint
CREATE TRIGGER valuation_rollup_after AFTER INSERT OR UPDATE OR DELETE ON item_disposals
  FOR EACH ROW EXECUTE FUNCTION eis_valuation_disposal_changing();
--> statement-breakpoint
-- New depreciation settings revalue every item of the category. Exclusive: items written meanwhile would be
-- valued with settings this change is replacing.
CREATE FUNCTION eis_valuation_category_changing() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF eis_valuation_lock(true) THEN
    IF TG_WHEN = 'BEFORE' THEN
      PERFORM eis_valuation_change(ARRAY(SELECT i FROM inventory_items i WHERE i.category_id = OLD.id), '{}');
    ELSE
      PERFORM eis_valuation_change('{}', ARRAY(SELECT i FROM inventory_items i WHERE i.category_id = NEW.id));
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER valuation_rollup_before BEFORE UPDATE ON categories
  FOR EACH ROW
  WHEN ((OLD.depreciation_method, OLD.depreciation_rate, OLD.useful_life_months, OLD.salvage_value,
         OLD.recovery_period)
    IS DISTINCT FROM (NEW.depreciation_method, NEW.depreciation_rate, NEW.useful_life_months, NEW.salvage_value,
         NEW.recovery_period))
  EXECUTE FUNCTION eis_valuation_category_changing();
--> statement-breakpoint
CREATE TRIGGER valuation_rollup_after AFTER UPDATE ON categories
  FOR EACH ROW
  WHEN ((OLD.depreciation_method, OLD.depreciation_rate, OLD.useful_life_months, OLD.salvage_value,
         OLD.recovery_period)
    IS DISTINCT FROM (NEW.depreciation_method, NEW.depreciation_rate, NEW.useful_life_months, NEW.salvage_value,
         NEW.recovery_period))
  EXECUTE FUNCTION eis_valuation_category_changing();
