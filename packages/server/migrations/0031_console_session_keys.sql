-- A console session lasts only as long as the secret key it was opened with: rotating that key out (once its grace
-- period ends) or revoking it ends the session too. Sessions opened before this column existed name no key, and are
-- refused: their merchants sign in again.

-- Hex SHA-256 of the secret key the session was opened with.
ALTER TABLE console_sessions ADD COLUMN secret_key_sha256 text;
