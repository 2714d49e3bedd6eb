-- Gateways load the revocations still in force from here: sessions ended, and token versions raised, within the
-- longest lifetime of an access token.
ALTER TABLE accounts ADD COLUMN token_version_at TIMESTAMPTZ;
CREATE INDEX accounts_recent_token_version ON accounts (token_version_at) WHERE token_version_at IS NOT NULL;
CREATE INDEX sessions_recently_revoked ON sessions (revoked_at) WHERE revoked_at IS NOT NULL;
