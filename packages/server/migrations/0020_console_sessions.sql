-- Sessions of the merchant console: the secret key is exchanged once for a random token held in an HttpOnly
-- cookie. Only the token's SHA-256 is stored, so a copy of this table signs no one in.

CREATE TABLE console_sessions (
  -- Hex SHA-256 of the cookie's token.
  id           text PRIMARY KEY,
  program_id   text NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- Slides with each request, never past created_at plus the longest a session may last.
  expires_at   timestamptz NOT NULL CHECK (expires_at > created_at),
  -- Set when the session is signed out; the token is refused from then on.
  ended_at     timestamptz,
  user_agent   text
);

CREATE INDEX console_sessions_program ON console_sessions (program_id, expires_at);
