-- Webhook delivery: when a delivery was first tried (it is retried for three days from then), and when its endpoint
-- last answered with success (an endpoint with no success while a delivery failed for three days is turned off).

ALTER TABLE webhook_deliveries ADD COLUMN first_attempt_at timestamptz;
ALTER TABLE webhook_endpoints ADD COLUMN last_success_at timestamptz;
