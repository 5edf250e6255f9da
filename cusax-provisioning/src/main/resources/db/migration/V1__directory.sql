-- The cusax user directory (H2 and PostgreSQL). One row per user; numbers and credentials beside it.
CREATE TABLE directory_user (
    user_id      VARCHAR(320) PRIMARY KEY,
    localpart    VARCHAR(255) NOT NULL,
    domain       VARCHAR(255) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    sip_aor      VARCHAR(320) NOT NULL,
    enabled      BOOLEAN      NOT NULL,
    revision     BIGINT       NOT NULL
);

CREATE TABLE user_phone (
    user_id  VARCHAR(320) NOT NULL REFERENCES directory_user (user_id) ON DELETE CASCADE,
    position INTEGER      NOT NULL,
    label    VARCHAR(16)  NOT NULL,
    number   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (user_id, position)
);

-- Every form of the one password: PBKDF2 for provisioning, SCRAM (RFC 5802, base64) for XMPP,
-- digest HA1 (RFC 7616, hex of user:realm:password) for SIP.
CREATE TABLE user_credential (
    user_id               VARCHAR(320) PRIMARY KEY REFERENCES directory_user (user_id) ON DELETE CASCADE,
    pbkdf2_salt           VARCHAR(64)  NOT NULL,
    pbkdf2_iterations     INTEGER      NOT NULL,
    pbkdf2_hash           VARCHAR(128) NOT NULL,
    scram_sha1_salt       VARCHAR(64)  NOT NULL,
    scram_sha1_iterations INTEGER      NOT NULL,
    scram_sha1_stored_key VARCHAR(64)  NOT NULL,
    scram_sha1_server_key VARCHAR(64)  NOT NULL,
    scram_sha256_salt       VARCHAR(64) NOT NULL,
    scram_sha256_iterations INTEGER     NOT NULL,
    scram_sha256_stored_key VARCHAR(64) NOT NULL,
    scram_sha256_server_key VARCHAR(64) NOT NULL,
    sip_realm             VARCHAR(255) NOT NULL,
    ha1_md5               VARCHAR(32)  NOT NULL,
    ha1_sha256            VARCHAR(64)  NOT NULL
);

-- Failed sign-ins per subject ('user:alice@example.com', 'source:192.0.2.1'), shared by every
-- provisioning server instance on this database. Times in epoch milliseconds.
CREATE TABLE login_throttle (
    subject         VARCHAR(400) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_ms BIGINT       NOT NULL,
    blocked_until_ms BIGINT      NOT NULL
);
