// The contact list: presence, names, a filter, a Call button for every contact with a telephony address.
import { el, $, icon } from './view.js';

const PRESENCE = { available: 'Available', chat: 'Free to chat', away: 'Away', xa: 'Away for long', dnd: 'Do not disturb',
  unavailable: 'Offline', offline: 'Offline' };

export class Contacts {
  constructor({ onOpen, onCall }) {
    this.byJid = new Map();
    this.unread = new Map();
    this.selected = null;
    this.onOpen = onOpen;
    this.onCall = onCall;
    $('filter').addEventListener('input', () => this.render());
  }

  load(roster) {
    this.byJid.clear();
    for (const c of roster.contacts || []) this.byJid.set(c.jid, c);
    $('contacts-loading').textContent = roster.complete ? '' : 'Loading contact details…';
    this.render();
  }

  loading(done, total) {
    $('contacts-loading').textContent = total ? `Loading contact details… ${done} of ${total}` : '';
  }

  update(contact) {
    this.byJid.set(contact.jid, contact);
    this.render();
  }

  remove(jid) {
    this.byJid.delete(jid);
    this.render();
  }

  name(jid) {
    const c = this.byJid.get(jid);
    return (c && c.name) || jid;
  }

  markUnread(jid) {
    if (jid === this.selected) return;
    this.unread.set(jid, (this.unread.get(jid) || 0) + 1);
    this.render();
  }

  select(jid) {
    this.selected = jid;
    this.unread.delete(jid);
    this.render();
  }

  render() {
    const q = $('filter').value.trim().toLowerCase();
    const list = [...this.byJid.values()]
      .filter((c) => !q || (c.name || '').toLowerCase().includes(q) || c.jid.toLowerCase().includes(q)
        || (c.tels || []).some((t) => (t.uri || '').includes(q) || (t.normalized || '').includes(q)))
      .sort((a, b) => (a.name || a.jid).localeCompare(b.name || b.jid));
    const ul = $('contact-list');
    ul.replaceChildren(...list.map((c) => this.item(c)));
    if (list.length === 0) {
      ul.append(el('li', { class: 'muted', text: this.byJid.size ? 'No contact matches the filter.' : 'No contacts yet.' }));
    }
  }

  item(c) {
    const p = (c.presence && c.presence.availability) || 'unavailable';
    const presence = PRESENCE[p] || p;
    const status = c.presence && c.presence.status ? ` — ${c.presence.status}` : '';
    const n = this.unread.get(c.jid) || 0;
    const callable = c.callable || (c.tels || []).some((t) => t.callable);
    const open = el('button', { type: 'button', class: 'contact-open', 'aria-current': c.jid === this.selected ? 'true' : null,
      'aria-label': `Chat with ${c.name || c.jid}, ${presence}${status}${n ? `, ${n} unread` : ''}`,
      onclick: () => this.onOpen(c.jid) },
    el('span', { class: `presence ${p}`, 'aria-hidden': 'true' }),
    el('span', { class: 'names' }, el('span', { class: 'name', text: c.name || c.jid }),
      el('span', { class: 'sub', text: `${c.jid} · ${presence}${status}` })),
    n ? el('span', { class: 'unread', 'aria-hidden': 'true', text: String(n) }) : null);
    const call = callable ? el('button', { type: 'button', class: 'call', 'aria-label': `Call ${c.name || c.jid}`,
      onclick: () => this.onCall(c.jid, c.name || c.jid) }, icon('phone'), el('span', { class: 'call-text', text: 'Call' })) : null;
    return el('li', { class: 'contact', 'data-jid': c.jid }, open, call);
  }
}
