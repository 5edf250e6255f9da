// The contact list: presence, names, roster groups as sections, a filter, a Call button for every contact with a
// telephony address, and an Edit button (rename, regroup, remove: roster.js).
import { el, $, icon } from './view.js';
import { command } from './api.js';

const PRESENCE = { available: 'Available', chat: 'Free to chat', away: 'Away', xa: 'Away for long', dnd: 'Do not disturb',
  unavailable: 'Offline', offline: 'Offline' };

const DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/;
const pictures = new Map(); // "jid hash" -> data: URL, or a promise of one (asked once per photo hash)

/**
 * The contact's picture (vCard PHOTO, XEP-0153) when it has one: its initial first, replaced by the picture
 * the daemon serves as a checked data: URL (the avatar command), asked once per photo hash.
 */
function avatar(c) {
  const initial = (c.name || c.jid || '?').trim().charAt(0).toUpperCase();
  const span = el('span', { class: 'avatar initial', 'aria-hidden': 'true', text: initial });
  if (!c.avatar) return span;
  const key = `${c.jid} ${c.avatar}`;
  const show = (url) => {
    if (typeof url === 'string' && DATA_URL.test(url) && span.parentNode) {
      span.replaceWith(el('img', { class: 'avatar', src: url, alt: '', width: '32', height: '32' }));
    }
  };
  const known = pictures.get(key);
  if (typeof known === 'string') return el('img', { class: 'avatar', src: known, alt: '', width: '32', height: '32' });
  if (!known) {
    pictures.set(key, command('avatar', { jid: c.jid }).then((r) => {
      pictures.set(key, r.dataUrl);
      return r.dataUrl;
    }).catch(() => null));
  }
  Promise.resolve(pictures.get(key)).then(show);
  return span;
}

export class Contacts {
  constructor({ onOpen, onCall, onEdit }) {
    this.byJid = new Map();
    this.unread = new Map();
    this.selected = null;
    this.onOpen = onOpen;
    this.onCall = onCall;
    this.onEdit = onEdit;
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
    const groups = new Map();
    for (const c of list) {
      for (const g of (c.groups && c.groups.length ? c.groups : [''])) {
        if (!groups.has(g)) groups.set(g, []);
        groups.get(g).push(c);
      }
    }
    if (groups.size <= 1 && groups.has('')) {
      ul.replaceChildren(...list.map((c) => this.item(c)));
    } else { // RFC 6121 §2.1.2.2: one section per roster group, contacts in no group last
      const names = [...groups.keys()].filter((g) => g).sort((a, b) => a.localeCompare(b));
      if (groups.has('')) names.push('');
      ul.replaceChildren(...names.map((g, i) => el('li', { class: 'group', 'data-group': g },
        el('h3', { id: `group-${i}`, text: g || 'Other contacts' }),
        el('ul', { class: 'contacts', 'aria-labelledby': `group-${i}` }, ...groups.get(g).map((c) => this.item(c))))));
    }
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
    const edit = this.onEdit ? el('button', { type: 'button', class: 'edit', 'aria-label': `Edit ${c.name || c.jid}`,
      title: 'Rename, regroup or remove', onclick: () => this.onEdit(c) }, el('span', { 'aria-hidden': 'true', text: '⋯' })) : null;
    return el('li', { class: 'contact', 'data-jid': c.jid }, avatar(c), open, call, edit);
  }
}
