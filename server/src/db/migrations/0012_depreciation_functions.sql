-- Depreciation in SQL, so fleet valuation and the monthly revaluation are one query each, not a loop in
-- JavaScript. The same algorithm as server/src/modules/depreciation/calculator.ts, step for step (read its header
-- for the conventions); a test holds the two to the cent over every method.

-- Months of depreciation accrued by as_of (full-month convention, accrued at month end): the month ends from the
-- purchase month's through as_of.
CREATE OR REPLACE FUNCTION eis_months_accrued(purchase_date date, as_of date) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT greatest(0,
      (extract(year FROM $2 + 1) * 12 + extract(month FROM $2 + 1))::integer
      - (extract(year FROM $1) * 12 + extract(month FROM $1))::integer)
  $$;
--> statement-breakpoint
-- Accumulated depreciation after `months` months, rounded to the cent; null when the settings do not allow a
-- schedule (no useful life or rate, no MACRS recovery period) or the cost or purchase date is unknown.
CREATE OR REPLACE FUNCTION eis_depreciation_accumulated(
  cost numeric, purchase_date date, method text, rate numeric, life_months integer,
  salvage numeric, recovery_period integer, months integer
) RETURNS numeric
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
DECLARE
  -- Twenty decimals on every amount: PostgreSQL sizes a quotient's scale from its operands, and cents must be
  -- rounded from the exact value even for costs in the billions.
  c numeric(40, 20) := cost;
  kept numeric(40, 20);     -- salvage respected: never more than cost
  base numeric(40, 20);     -- what depreciates: cost - salvage
  done numeric(40, 20);
  upto numeric(40, 20);
  book numeric(40, 20);
  amount numeric(40, 20);
  numerator numeric(40, 20);
  n integer;                -- whole years of life (year-based methods)
  y integer;                -- whole years (tax years for MACRS) completed
  j integer;                -- months into the current year
  denominator integer;
  first_months integer;
  cumulative numeric[];
BEGIN
  IF cost IS NULL OR purchase_date IS NULL OR method IS NULL OR months IS NULL THEN
    RETURN NULL;
  END IF;
  months := greatest(months, 0);

  IF method = 'macrs' THEN
    -- IRS Pub 946 Table A-1 (GDS, half-year), as cumulative percentages.
    cumulative := CASE recovery_period
      WHEN 3 THEN '{33.33,77.78,92.59,100.00}'::numeric[]
      WHEN 5 THEN '{20.00,52.00,71.20,82.72,94.24,100.00}'::numeric[]
      WHEN 7 THEN '{14.29,38.78,56.27,68.76,77.69,86.61,95.54,100.00}'::numeric[]
      WHEN 10 THEN '{10.00,28.00,42.40,53.92,63.14,70.51,77.06,83.61,90.17,96.72,100.00}'::numeric[]
      WHEN 15 THEN '{5.00,14.50,23.05,30.75,37.68,43.91,49.81,55.71,61.62,67.52,73.43,79.33,85.24,91.14,97.05,100.00}'::numeric[]
      WHEN 20 THEN '{3.750,10.969,17.646,23.823,29.536,34.821,39.709,44.231,48.693,53.154,57.616,62.077,66.539,71.000,75.462,79.923,84.385,88.846,93.308,97.769,100.000}'::numeric[]
    END;
    IF cumulative IS NULL THEN
      RETURN NULL;
    END IF;
    n := array_length(cumulative, 1);
    first_months := 13 - extract(month FROM purchase_date)::integer;
    IF months < first_months THEN
      amount := round(c * cumulative[1] / 100, 2);
      RETURN round(amount * months / first_months, 2);
    END IF;
    y := 1 + (months - first_months) / 12;
    j := (months - first_months) % 12;
    IF y >= n THEN
      RETURN c;
    END IF;
    done := round(c * cumulative[y] / 100, 2);
    upto := CASE WHEN y + 1 = n THEN c ELSE round(c * cumulative[y + 1] / 100, 2) END;
    RETURN done + round((upto - done) * j / 12, 2);
  END IF;

  kept := least(coalesce(salvage, 0), c);
  base := c - kept;

  IF method = 'straight_line' THEN
    IF life_months IS NOT NULL THEN
      RETURN round(base * least(months, life_months) / life_months, 2);
    END IF;
    IF rate IS NULL OR rate <= 0 OR ceil(12 / rate) > 1200 THEN
      RETURN NULL;
    END IF;
    RETURN round(least(base, base * rate * months / 12), 2);
  END IF;

  IF life_months IS NOT NULL THEN
    n := ceil(life_months / 12.0);
  ELSIF rate > 0 AND round(1 / rate) <= 100 THEN
    n := greatest(1, round(1 / rate));
  ELSE
    RETURN NULL;
  END IF;
  y := months / 12;
  j := months % 12;
  IF y >= n THEN
    RETURN base;
  END IF;

  IF method = 'sum_of_years_digits' THEN
    done := round(base * (y * n - y * (y - 1) / 2) / (n * (n + 1) / 2), 2);
    upto := round(base * ((y + 1) * n - (y + 1) * y / 2) / (n * (n + 1) / 2), 2);
    RETURN done + round((upto - done) * j / 12, 2);
  END IF;

  IF method = 'double_declining' THEN
    numerator := 2;
    denominator := n;
  ELSIF method = 'declining_balance' AND rate IS NOT NULL THEN
    numerator := rate;
    denominator := 1;
  ELSIF method = 'declining_balance' THEN
    numerator := 1;
    denominator := n;
  ELSE
    RETURN NULL;
  END IF;
  book := c;
  done := 0;
  FOR k IN 1..y + 1 LOOP
    IF k = n THEN
      amount := book - kept;
    ELSE
      -- Declining balance, or straight-line over the remaining life once that is larger; never below salvage.
      amount := least(
        greatest(round(book * numerator / denominator, 2), round((book - kept) / (n - k + 1), 2)),
        book - kept);
    END IF;
    IF k = y + 1 THEN
      RETURN done + round(amount * j / 12, 2);
    END IF;
    done := done + amount;
    book := book - amount;
  END LOOP;
  RETURN done;
END
$$;
--> statement-breakpoint
-- Book value at a date: cost less the depreciation accrued by then; null when it cannot be computed.
CREATE OR REPLACE FUNCTION eis_book_value(
  cost numeric, purchase_date date, method text, rate numeric, life_months integer,
  salvage numeric, recovery_period integer, as_of date
) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT $1 - eis_depreciation_accumulated($1, $2, $3, $4, $5, $6, $7, eis_months_accrued($2, $8))
  $$;
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON item_disposals
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id');
