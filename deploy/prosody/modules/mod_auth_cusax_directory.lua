-- mod_auth_cusax_directory: Prosody 0.12 authentication from the cusax user directory (issue 12).
--
-- The directory (cusax admin user add|passwd|remove, docs/provisioning.md) keeps each user's
-- SCRAM-SHA-1 credentials (RFC 5802: salt, iteration count, StoredKey, ServerKey, base64) in
-- PostgreSQL; this provider reads them per sign-in, so one admin action creates, changes or removes
-- the XMPP account too. Only enabled users of this host are found. SASL: SCRAM-SHA-1 from the stored
-- keys, and PLAIN (inside TLS) checked against the same keys. Accounts are managed by the directory
-- only: prosodyctl register/passwd/deluser are refused.
--
-- Config:  authentication = "cusax_directory"
--          cusax_directory_sql = { driver = "PostgreSQL", database = "cusax", host = "127.0.0.1",
--                                  port = 5432, username = "prosody", password = "..." }
-- Needs Debian's lua-dbi-postgresql.

local sql = require "util.sql";
local new_sasl = require "util.sasl".new;
local base64_decode = require "util.encodings".base64.decode;
local saslprep = require "util.encodings".stringprep.saslprep;
local secure_equals = require "util.hashes".equals;
local scram_sha1 = require "util.sasl.scram".hashers["SHA-1"];

local host = module.host;
local params = module:get_option("cusax_directory_sql");
assert(type(params) == "table", "cusax_directory_sql = { driver = \"PostgreSQL\", database = ... } is required");
local engine = sql:create_engine(params);

local CREDENTIALS = "SELECT c.scram_sha1_salt, c.scram_sha1_iterations, c.scram_sha1_stored_key, "
	.. "c.scram_sha1_server_key FROM user_credential c JOIN directory_user u ON u.user_id = c.user_id "
	.. "WHERE u.enabled AND u.localpart = ? AND u.domain = ?";

-- The user's SCRAM-SHA-1 credentials (raw bytes), or nil when there is no enabled user.
local function credentials(username)
	local ok, found = engine:transaction(function()
		for row in engine:select(CREDENTIALS, username, host) do
			return {
				salt = base64_decode(row[1]), iteration_count = tonumber(row[2]),
				stored_key = base64_decode(row[3]), server_key = base64_decode(row[4]),
			};
		end
	end);
	if not ok then
		module:log("error", "cusax directory query failed: %s", tostring(found));
		return nil;
	end
	return found;
end

local provider = {};

function provider.test_password(username, password)
	local c = credentials(username);
	password = password and saslprep(password);
	if not c or not password then
		return nil, "Auth failed. Invalid username or password.";
	end
	local valid, stored_key, server_key = scram_sha1(password, c.salt, c.iteration_count);
	if valid and secure_equals(stored_key, c.stored_key) and secure_equals(server_key, c.server_key) then
		return true;
	end
	return nil, "Auth failed. Invalid username or password.";
end

function provider.user_exists(username)
	if credentials(username) then
		return true;
	end
	return nil, "Auth failed. Invalid username";
end

local function managed()
	return nil, "accounts are managed by the cusax directory: use cusax admin user";
end
provider.set_password = managed;
provider.create_user = managed;
provider.delete_user = managed;

function provider.users()
	local names = {};
	engine:transaction(function()
		for row in engine:select("SELECT localpart FROM directory_user WHERE enabled AND domain = ?", host) do
			names[#names + 1] = row[1];
		end
	end);
	local i = 0;
	return function()
		i = i + 1;
		return names[i];
	end;
end

function provider.get_sasl_handler()
	return new_sasl(host, {
		plain_test = function(_, username, password)
			return provider.test_password(username, password), true;
		end;
		scram_sha_1 = function(_, username)
			local c = credentials(username);
			if not c then return; end
			return c.stored_key, c.server_key, c.iteration_count, c.salt, true;
		end;
	});
end

module:provides("auth", provider);
