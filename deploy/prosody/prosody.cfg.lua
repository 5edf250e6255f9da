-- cusax — Prosody 0.12 configuration for the Chat (XMPP) half of CUSAX (RFC 7081).
--
-- Used unchanged by the integration tests (cusax-testbed renders the "site settings" block below
-- into a per-run copy) and by operators (edit the block).
--
-- What it gives a client
--   * c2s only (no s2s, no HTTP, no components): one virtual host, the CUSAX domain.
--   * STARTTLS required before anything else (c2s_require_encryption), TLSv1.2 or newer (tls_protocol).
--   * SASL over SCRAM: passwords are stored hashed (authentication = "internal_hashed"), so the
--     server offers SCRAM-SHA-1 (and SCRAM-SHA-1-PLUS when the TLS library supports channel
--     binding) plus PLAIN inside TLS. cusax uses PLAIN only when told to (xmpp.sasl.allow-plain).
--   * Roster (with versioning), presence, vcard-temp stored verbatim (mod_vcard; NOT
--     mod_vcard_legacy, which collapses several TEL elements into one), PEP, stream management
--     (XEP-0198, mod_smacks is part of Prosody 0.12), message carbons, XMPP ping, private XML
--     storage, offline messages, blocking command, software version, uptime, service discovery.
--
-- Start without systemd:   prosody --config /path/prosody.cfg.lua -F
-- Add a user:              prosodyctl --config /path/prosody.cfg.lua register USER DOMAIN PASSWORD
-- (prosodyctl needs the same file so that it writes to the same data_path.)

-- >>> site settings
-- Everything that differs between installations or test runs is in this block; cusax-testbed
-- replaces the block (from the ">>> site settings" line to the "<<< site settings" line) per run.
local domain = "cusax.test"                       -- the XMPP domain (JIDs are user@domain)
local c2s_address = "127.0.0.1"                   -- address clients connect to ("*" = all)
local c2s_port = 5222                             -- client port (STARTTLS on this port)
local base_dir = "/var/lib/cusax-prosody"         -- holds data/, prosody.pid and prosody.log
local tls_certificate = "/etc/prosody/certs/cusax.test.crt"  -- PEM, full chain
local tls_key = "/etc/prosody/certs/cusax.test.key"          -- PEM private key
local log_level = "info"                          -- debug, info, warn or error
local c2s_without_tls = false                     -- keep false; true (tests only) offers no STARTTLS at all
local tls_protocol = "tlsv1_2+"                   -- TLS versions served: tlsv1_2+, tlsv1_3, tlsv1_2 (only)
-- Accounts from the cusax user directory on PostgreSQL (docs/provisioning.md) instead of Prosody's
-- own store: nil, or the connection and the folder holding mod_auth_cusax_directory.lua, e.g.
-- local directory_sql = { driver = "PostgreSQL", database = "cusax", host = "127.0.0.1", port = 5432,
--                         username = "prosody", password = "..." }
-- local directory_modules = "/etc/cusax/prosody/modules"
local directory_sql = nil
local directory_modules = nil
-- <<< site settings

-- ------------------------------------------------------------------ process
-- The tests run Prosody as root inside a private temporary directory; a packaged installation
-- runs as the "prosody" user and may drop this line.
run_as_root = true
pidfile = base_dir .. "/prosody.pid"
data_path = base_dir .. "/data"
log = {
	{ levels = { min = log_level }, to = "file", filename = base_dir .. "/prosody.log" };
}
-- Lua's garbage collector in generational mode (Lua 5.4, which Debian 12's Prosody runs on; see
-- https://prosody.im/doc/advanced_gc). Prosody's default, incremental with a pause of 105 %, starts a new
-- full cycle as soon as memory grows 5 %: every cycle marks the whole heap, so the CPU spent on a burst of
-- stanzas grows with the heap and with how the cycles fall. With 1,000-contact rosters (a login's roster,
-- a presence probing every contact, a vCard per contact, mod_smacks copying every stanza it sends) that
-- was most of the server's CPU, and it varied 2-3x for the same work; generational mode cut the server's
-- CPU for a cold login about 5x (cusax-bench, bench/results/), for a few MB more memory. Other Lua
-- versions keep Prosody's default (they have no generational mode in Prosody 0.12).
if _VERSION == "Lua 5.4" then
	gc = { mode = "generational" }
end
-- Nagle's algorithm off (TCP_NODELAY on Prosody's connections; network_settings, default on). XMPP
-- answers are small writes: with Nagle on, a write waits while an earlier one is unacknowledged, and the
-- client's TCP delays its acknowledgement (up to 40 ms on Linux), so a login of a dozen exchanges stalls again
-- and again. On loopback (cusax-bench, interleaved A/B) a login with the roster took 24-26 ms instead of
-- 61-67 and a cold start with 100 contacts 54-64 ms instead of 129-137; at 50 ms RTT the stalls mostly hide in
-- the round trips (a 1,000-contact cold start 866 ms instead of 1,008). The price: more, smaller writes on bulk
-- transfers (10,000 contacts on loopback: about 17 % more server CPU; deploy/README.md).
network_settings = { nagle = false }

-- ------------------------------------------------------------------ network
interfaces = { c2s_address }
local_interfaces = { c2s_address }
c2s_ports = { c2s_port }
-- Not used by cusax: direct-TLS c2s, server-to-server, HTTP.
c2s_direct_tls_ports = { }
s2s_ports = { }
http_ports = { }
https_ports = { }

-- ------------------------------------------------------------------ security
-- c2s_without_tls: the testbed's "server without TLS" (cusax must refuse it); never in production
c2s_require_encryption = not c2s_without_tls
s2s_require_encryption = true
if directory_sql then
	-- deploy/prosody/modules/mod_auth_cusax_directory.lua (needs lua-dbi-postgresql)
	authentication = "cusax_directory"
	cusax_directory_sql = directory_sql
	plugin_paths = { directory_modules }
else
	authentication = "internal_hashed"
end
storage = "internal"
-- Directory Prosody scans for certificates named after hosts: the one holding ours.
certificates = tls_certificate:match("^(.*)/[^/]*$") or "certs"
ssl = {
	certificate = tls_certificate;
	key = tls_key;
	protocol = tls_protocol;
}

-- ------------------------------------------------------------------ modules
local enabled_modules = {
	"roster";     -- RFC 6121 roster, with roster versioning (XEP-0237)
	"saslauth";   -- SASL (SCRAM-SHA-1, PLAIN)
	"tls";        -- STARTTLS
	"disco";      -- XEP-0030 service discovery
	"vcard";      -- XEP-0054 vcard-temp, stored verbatim (every TEL survives)
	"pep";        -- XEP-0163 personal eventing (avatars, vCard4 if a client publishes it)
	"smacks";     -- XEP-0198 stream management
	"carbons";    -- XEP-0280 message carbons
	"ping";       -- XEP-0199 XMPP ping
	"presence";   -- RFC 6121 presence
	"private";    -- XEP-0049 private XML storage
	"offline";    -- XEP-0160 offline messages
	"blocklist";  -- XEP-0191 blocking command
	"version";    -- XEP-0092 software version
	"uptime";     -- XEP-0012 last activity (server uptime)
}
if directory_sql then
	-- TEL fields of every directory user's vCard come from the directory (mod_cusax_vcard_tel.lua)
	table.insert(enabled_modules, "cusax_vcard_tel")
end
if c2s_without_tls then
	for i, name in ipairs(enabled_modules) do
		if name == "tls" then table.remove(enabled_modules, i) break end
	end
end
modules_enabled = enabled_modules
modules_disabled = {
	"s2s";             -- autoloaded by default; CUSAX needs no federation here
	"s2s_auth_certs";
}
-- No in-band registration: accounts are created by the operator (or the test harness).
allow_registration = false

VirtualHost (domain)
