-- Webhooks: the merchant's endpoints, the events written in the same transaction as the change that caused them
-- (a transactional outbox), and one delivery per event and subscribed endpoint.

CREATE TABLE webhook_endpoints (
  id              text PRIMARY KEY,
  program_id      text NOT NULL REFERENCES programs (id),
  url             text NOT NULL,
  -- The event types the endpoint subscribes to.
  events          text[] NOT NULL CHECK (cardinality(events) > 0),
  description     text,
  -- The Standard Webhooks signing secret, `whsec_` and base64.
  secret          text NOT NULL,
  enabled         boolean NOT NULL DEFAULT true,
  -- Why the API turned the endpoint off; NULL when it is on or when the merchant turned it off.
  disabled_reason text,
  created_at      timestamptz NOT NULL
);

-- Every write that could cause an event reads the program's enabled endpoints: one indexed read.
CREATE INDEX webhook_endpoints_program ON webhook_endpoints (program_id) WHERE enabled;

CREATE TABLE webhook_events (
  id          text PRIMARY KEY,
  program_id  text NOT NULL,
  customer_id text NOT NULL,
  type        text NOT NULL,
  data        jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE INDEX webhook_events_customer ON webhook_events (program_id, customer_id);

CREATE TABLE webhook_deliveries (
  id              text PRIMARY KEY,
  -- Orders a program's deliveries for cursor pages: newest first.
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  program_id      text NOT NULL,
  endpoint_id     text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id        text NOT NULL REFERENCES webhook_events (id),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  response_code   integer,
  duration_ms     integer CHECK (duration_ms >= 0),
  next_attempt_at timestamptz,
  created_at      timestamptz NOT NULL,
  UNIQUE (endpoint_id, event_id)
);

CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, seq);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
