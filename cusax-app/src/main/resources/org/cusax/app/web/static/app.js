// Wires the page to the daemon: loads state with commands, keeps it live with events.
import { command, events } from './api.js';
import { $, say, badge, parity } from './view.js';
import { Contacts } from './contacts.js';
import { ChatPane } from './chat.js';
import { Calls } from './calls.js';
import { RosterPanel } from './roster.js';
import { SettingsPane } from './settings.js';
import { signedIn } from './signin.js';

const contacts = new Contacts({ onOpen: (jid) => openChat(jid), onCall: (jid, name) => calls.place(jid, name),
  onEdit: (c) => rosterPanel.edit(c) });
const rosterPanel = new RosterPanel(contacts);
const settingsPane = new SettingsPane();
const chat = new ChatPane(contacts);
const calls = new Calls(contacts, () => refreshHistory(), { openChat: (jid) => openChat(jid) });

function openChat(jid) {
  chat.open(jid);
  if (window.matchMedia('(max-width: 760px)').matches) $('chat').scrollIntoView();
}

async function refreshHistory() {
  try {
    calls.history(await command('history', { limit: 50 }));
    if (chat.jid && !chat.busy()) chat.open(chat.jid, false); // the call joins the timeline
  } catch (e) {
    say(`History not available: ${e.message}`);
  }
}

async function load() {
  let status;
  try {
    status = await command('status');
  } catch (e) {
    if (e.code === 'unauthorized') {
      $('signin').hidden = false;
      say('Not signed in');
      return false;
    }
    throw e;
  }
  $('signin').hidden = true;
  badge(status.chat);
  badge(status.telephony);
  parity(status.securityParity);
  const [roster, live] = await Promise.all([command('roster'), command('calls')]);
  contacts.load(roster);
  await rosterPanel.load();
  await settingsPane.load();
  calls.load(live);
  await refreshHistory();
  say('Up to date');
  return true;
}

function onEvent(e) {
  switch (e.type) {
    case 'connection': badge(e); break;
    case 'security-parity': parity(e); break;
    case 'contacts-loading': contacts.loading(e.done, e.total); break;
    case 'contacts-loaded': command('roster').then((r) => contacts.load(r)); break;
    case 'contacts-capped': say(`Warning: ${e.message}`); break;
    case 'contact-updated': contacts.update(e); break;
    case 'contact-removed': contacts.remove(e.jid); break;
    case 'subscription-request': rosterPanel.request(e); break;
    case 'chat-received': chat.received(e); calls.messageArrived(e); break;
    case 'chat-status': chat.status(e); break;
    case 'incoming-call': calls.incoming(e); break;
    case 'call-answered': calls.answered(e); break;
    case 'call-ringing': case 'call-held': case 'call-resumed': case 'call-muted': calls.update(e); break;
    case 'audio-device-failed': calls.deviceFailed(e); break;
    case 'call-audio-device': calls.callDevices.changed(e); break;
    case 'call-ended': calls.ended(e); break;
    default: break;
  }
}

function tabs() {
  const list = [...document.querySelectorAll('[role=tab]')];
  const show = (tab) => {
    for (const t of list) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
  };
  list.forEach((t, i) => {
    t.addEventListener('click', () => show(t));
    t.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight') show(list[(i + 1) % list.length]);
      if (e.key === 'ArrowLeft') show(list[(i + list.length - 1) % list.length]);
    });
  });
}

tabs();
// Subscribe first, then load: every change after the snapshot arrives as an event (badges keep the newest
// state by its "since", so an event that overtakes the snapshot is not undone by it).
signedIn().then(() => load()).then((loaded) => {
  if (!loaded) return;
  events(onEvent, (state) => {
    if (state === 'open') {
      document.body.dataset.events = 'open';
      load().catch((e) => say(`Could not load: ${e.message}`));
    } else {
      document.body.dataset.events = 'lost';
      say('Connection to the daemon lost; reconnecting…');
    }
  });
}).catch((e) => say(`Could not load: ${e.message}`));
