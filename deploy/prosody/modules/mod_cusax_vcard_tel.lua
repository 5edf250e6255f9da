-- mod_cusax_vcard_tel: the TEL fields of every directory user's vcard-temp (XEP-0054) belong to the
-- cusax user directory (RFC 7081 §3.1-3.2, issue 12). Prosody 0.12, beside mod_vcard.
--
--   * A vCard the user stores keeps every field the user wrote except TEL: the user's TELs are
--     replaced by the directory's numbers before mod_vcard stores it (the change is restored, not
--     refused, so a client that saves its whole vCard after editing the nickname still succeeds).
--   * Every vCard read (own or a contact's) carries the directory's current numbers, also when the
--     user never stored a vCard, so "cusax admin user set-tel" shows at once.
--   * A vCard4 the user publishes to PEP (XEP-0292, node urn:xmpp:vcard4) keeps every property but
--     its tels: they are replaced by the directory's numbers (tel: URIs, RFC 3966, with TYPE parameters
--     per label) before mod_pep stores and broadcasts the item.
--   * A directory change of the numbers ("cusax admin user set-tel") rewrites the stored vCard4 item
--     too: before anyone's read of a user's urn:xmpp:vcard4 node, and when the user binds a resource,
--     an item whose tels differ from the directory's is republished (by this module, as the owner) with
--     the directory's tels, so the reader gets the new numbers and every +notify subscriber is pushed
--     the new item. The vcard-temp view carries the directory's numbers at every read.
--   * Users not in the directory are left alone.
--
-- Config: modules_enabled += "cusax_vcard_tel"; cusax_directory_sql as for mod_auth_cusax_directory.
-- Needs Debian's lua-dbi-postgresql.

local st = require "util.stanza";
local sql = require "util.sql";
local jid_split = require "util.jid".split;

local host = module.host;
local params = module:get_option("cusax_directory_sql");
assert(type(params) == "table", "cusax_directory_sql = { driver = \"PostgreSQL\", database = ... } is required");
local engine = sql:create_engine(params);
local vcards = module:open_store("vcard");

local NUMBERS = "SELECT p.label, p.number FROM directory_user u LEFT JOIN user_phone p ON p.user_id = u.user_id "
	.. "WHERE u.localpart = ? AND u.domain = ? ORDER BY p.position";
-- vcard-temp TEL type elements per directory label (a mobile is CELL alone: readers such as Smack
-- keep one number per type, and CELL+VOICE would put the mobile under VOICE)
local TYPES = { mobile = { "CELL" }, work = { "WORK", "VOICE" }, home = { "HOME", "VOICE" },
	video = { "VIDEO" }, other = { "VOICE" } };

-- The directory's numbers of a user ({ {label=, number=}, ... }), or nil if the user is not in it.
local function directory_numbers(username)
	local ok, numbers = engine:transaction(function()
		local found;
		for row in engine:select(NUMBERS, username, host) do
			found = found or {};
			if row[1] then
				found[#found + 1] = { label = row[1], number = row[2] };
			end
		end
		return found;
	end);
	if not ok then
		module:log("error", "cusax directory query failed: %s", tostring(numbers));
		return nil;
	end
	return numbers;
end

-- vCard with its TELs replaced by the directory's numbers.
local function with_directory_tels(vcard, numbers)
	vcard:maptags(function(child)
		if child.name == "TEL" then return nil; end
		return child;
	end);
	for _, n in ipairs(numbers) do
		local tel = st.stanza("TEL");
		for _, t in ipairs(TYPES[n.label] or TYPES.other) do
			tel:tag(t):up();
		end
		tel:tag("NUMBER"):text(n.number):up();
		vcard:add_child(tel);
	end
	return vcard;
end

local VCARD4_NODE, VCARD4_NS = "urn:xmpp:vcard4", "urn:ietf:params:xml:ns:vcard-4.0";
local PUBSUB_NS = "http://jabber.org/protocol/pubsub";
-- vCard4 TYPE values per directory label (RFC 6350 §6.4.1), as in the vcard-temp view
local TYPES4 = { mobile = { "cell" }, work = { "work", "voice" }, home = { "home", "voice" },
	video = { "video" }, other = { "voice" } };

-- RFC 3966 tel: URI of a directory number: a global number (+...) without its visual separators, a
-- local one with this host as its phone-context.
local function tel_uri(number)
	local digits = number:gsub("[^%d%+%*#]", "");
	if digits:sub(1, 1) == "+" then return "tel:" .. digits; end
	return "tel:" .. digits .. ";phone-context=" .. host;
end

-- xCard with its tels replaced by the directory's numbers.
local function with_directory_tels4(vcard, numbers)
	vcard:maptags(function(child)
		if child.name == "tel" then return nil; end
		return child;
	end);
	for _, n in ipairs(numbers) do
		local tel = st.stanza("tel"):tag("parameters"):tag("type");
		for _, t in ipairs(TYPES4[n.label] or TYPES4.other) do
			tel:text_tag("text", t);
		end
		tel:up():up():text_tag("uri", tel_uri(n.number));
		vcard:add_child(tel);
	end
	return vcard;
end

-- A PEP publish to the user's own urn:xmpp:vcard4 node: rewrite its xCard before mod_pep sees it.
local function handle_pep_publish(event)
	local session, stanza = event.origin, event.stanza;
	local to = stanza.attr.to;
	if stanza.attr.type ~= "set" or not session.username or session.host ~= host then return; end
	if to and jid_split(to) ~= session.username then return; end
	local publish = stanza.tags[1]:get_child("publish");
	if not publish or publish.attr.node ~= VCARD4_NODE then return; end
	local numbers;
	for item in publish:childtags("item") do
		local vcard = item:get_child("vcard", VCARD4_NS);
		if vcard then
			numbers = numbers or directory_numbers(session.username);
			if not numbers then return; end -- not a directory user: stored as published
			with_directory_tels4(vcard, numbers);
			module:log("debug", "vCard4 of %s published with the directory's %d tel(s)", session.username, #numbers);
		end
	end
end

local pep = module:depends("pep");

-- Republishes the user's stored vCard4 item if its tels are not the directory's (after a set-tel).
local function refresh_vcard4(username)
	local numbers = directory_numbers(username);
	if not numbers then return; end -- not a directory user
	local owner = username .. "@" .. host;
	local service = pep.get_pep_service(username);
	local ok, id, item = service:get_last_item(VCARD4_NODE, owner);
	if not ok or not id or not item then return; end -- nothing published
	local stored = item:get_child("vcard", VCARD4_NS);
	if not stored then return; end
	local fresh = st.clone(item);
	with_directory_tels4(fresh:get_child("vcard", VCARD4_NS), numbers);
	if tostring(fresh) == tostring(item) then return; end
	local published, err = service:publish(VCARD4_NODE, owner, id, fresh);
	if published then
		module:log("info", "vCard4 of %s republished with the directory's %d tel(s)", username, #numbers);
	else
		module:log("warn", "vCard4 of %s not republished: %s", username, tostring(err));
	end
end

-- A read of someone's urn:xmpp:vcard4 node: bring the stored item up to date first; mod_pep answers.
local function handle_pep_read(event)
	local session, stanza = event.origin, event.stanza;
	if stanza.attr.type ~= "get" then return; end
	local items = stanza.tags[1] and stanza.tags[1]:get_child("items");
	if not items or items.attr.node ~= VCARD4_NODE then return; end
	local to = stanza.attr.to;
	local username, to_host = session.username, session.host;
	if to then username, to_host = jid_split(to); end
	if not username or to_host ~= host then return; end
	refresh_vcard4(username);
end

local function handle_vcard(event)
	local session, stanza = event.origin, event.stanza;
	local to = stanza.attr.to;
	if stanza.attr.type == "set" then
		if to and jid_split(to) ~= session.username then return; end -- mod_vcard refuses it
		local numbers = directory_numbers(session.username);
		if numbers and stanza.tags[1] then
			with_directory_tels(stanza.tags[1], numbers);
			module:log("debug", "vCard of %s stored with the directory's %d TEL(s)", session.username, #numbers);
		end
		return; -- mod_vcard stores the rewritten vCard
	end
	local username = to and jid_split(to) or session.username;
	local numbers = directory_numbers(username);
	if not numbers then return; end -- not a directory user: mod_vcard answers
	local vcard = st.deserialize(vcards:get(username)) or st.stanza("vCard", { xmlns = "vcard-temp" });
	session.send(st.reply(stanza):add_child(with_directory_tels(vcard, numbers)));
	return true;
end

-- before mod_vcard: a contact's vCard (iq/bare) and the user's own, sent without 'to' (iq/self)
module:hook("iq/bare/vcard-temp:vCard", handle_vcard, 10);
module:hook("iq/self/vcard-temp:vCard", handle_vcard, 10);
-- before mod_pep, which hooks iq/bare only: the router fires iq/bare for an iq to the own account
-- whether it has 'to' or not (after iq/self, which nobody answers for pubsub)
module:hook("iq/bare/" .. PUBSUB_NS .. ":pubsub", handle_pep_publish, 10);
module:hook("iq/bare/" .. PUBSUB_NS .. ":pubsub", handle_pep_read, 10);
-- the user's own client may hold the item: it is pushed the directory's numbers when it comes online
module:hook("resource-bind", function(event)
	if event.session.host == host then refresh_vcard4(event.session.username); end
end);
