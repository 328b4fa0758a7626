-- How far ahead a member's tier is forecast: a member whose qualifying total will fall below their tier's
-- threshold within this many days, as activity leaves the window, is at risk.
ALTER TABLE programs
  ADD COLUMN tier_risk_horizon_days integer NOT NULL DEFAULT 90 CHECK (tier_risk_horizon_days BETWEEN 1 AND 366);
