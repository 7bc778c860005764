-- Book value with straight line over a useful life (most of a typical fleet) as plain arithmetic the planner
-- inlines into the query, rather than a call into the PL/pgSQL loop per item: the whole-fleet valuation and the
-- asset register spend most of their time here. Same figures: numeric(40, 20) as in
-- eis_depreciation_accumulated, and the agreement test holds both to the TypeScript calculator.
CREATE OR REPLACE FUNCTION eis_book_value(
  cost numeric, purchase_date date, method text, rate numeric, life_months integer,
  salvage numeric, recovery_period integer, as_of date
) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT $1 - CASE
      WHEN $3 = 'straight_line' AND $5 IS NOT NULL AND $2 IS NOT NULL THEN
        round(($1::numeric(40, 20) - least(coalesce($6, 0), $1)) * least(eis_months_accrued($2, $8), $5) / $5, 2)
      ELSE eis_depreciation_accumulated($1, $2, $3, $4, $5, $6, $7, eis_months_accrued($2, $8))
    END
  $$;
