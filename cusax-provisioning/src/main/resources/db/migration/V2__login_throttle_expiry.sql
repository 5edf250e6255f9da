-- Expired throttle rows are purged by age (LoginThrottle): index the age.
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_ms);
