// The contact list: presence, names, roster groups as sections, a filter, a Call button for every contact with a
// telephony address, and an Edit button (rename, regroup, remove: roster.js).
import { el, $, icon, arrange } from './view.js';
import { command } from './api.js';

const PRESENCE = { available: 'Available', chat: 'Free to chat', away: 'Away', xa: 'Away for long', dnd: 'Do not disturb',
  unavailable: 'Offline', offline: 'Offline' };

const BY_NAME = new Intl.Collator(); // the user's language order, as localeCompare, without its per-call setup
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
    this.items = new Map(); // "jid group" -> { c, shape, n, current, li, open, call, edit }: one per item
    this.sections = new Map(); // group -> { li, ul }
    this.sectionIds = 0;
    this.empty = el('li', { class: 'muted' });
    this.scheduled = false;
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

  /** A contact-updated event: the contact, without the event's own type and time (not the contact's). */
  update(event) {
    const { type, at, ...contact } = event;
    this.byJid.set(contact.jid, contact);
    this.later();
  }

  remove(jid) {
    this.byJid.delete(jid);
    this.later();
  }

  name(jid) {
    const c = this.byJid.get(jid);
    return (c && c.name) || jid;
  }

  markUnread(jid) {
    if (jid === this.selected) return;
    this.unread.set(jid, (this.unread.get(jid) || 0) + 1);
    this.later();
  }

  select(jid) {
    this.selected = jid;
    this.unread.delete(jid);
    this.later();
  }

  /** Events come in bursts (a roster's presences, its vCards): one render per frame shows them all. */
  later() {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => { this.scheduled = false; this.render(); };
    if (document.hidden) setTimeout(run, 0);
    else requestAnimationFrame(run);
  }

  /**
   * Brings the list up to date in place: an item whose contact, unread count and selection are unchanged keeps
   * its element; a changed one keeps its element and buttons and gets new text; only what moved is moved, and
   * a focused button that moved gets the focus back.
   */
  render() {
    const q = $('filter').value.trim().toLowerCase();
    const list = [...this.byJid.values()]
      .filter((c) => !q || (c.name || '').toLowerCase().includes(q) || c.jid.toLowerCase().includes(q)
        || (c.tels || []).some((t) => (t.uri || '').includes(q) || (t.normalized || '').includes(q)))
      .sort((a, b) => BY_NAME.compare(a.name || a.jid, b.name || b.jid));
    const ul = $('contact-list');
    const focused = ul.contains(document.activeElement) ? document.activeElement : null;
    const groups = new Map();
    for (const c of list) {
      for (const g of (c.groups && c.groups.length ? c.groups : [''])) {
        if (!groups.has(g)) groups.set(g, []);
        groups.get(g).push(c);
      }
    }
    const used = new Set();
    const items = (g) => groups.get(g).map((c) => this.item(g, c, used));
    if (groups.size <= 1 && groups.has('')) {
      arrange(ul, items(''));
      this.sections.clear();
    } else { // RFC 6121 §2.1.2.2: one section per roster group, contacts in no group last
      const names = [...groups.keys()].filter((g) => g).sort(BY_NAME.compare);
      if (groups.has('')) names.push('');
      arrange(ul, names.map((g) => {
        const section = this.section(g);
        arrange(section.ul, items(g));
        return section.li;
      }));
      for (const g of [...this.sections.keys()]) if (!groups.has(g)) this.sections.delete(g);
    }
    for (const key of [...this.items.keys()]) if (!used.has(key)) this.items.delete(key);
    if (list.length === 0) {
      this.empty.textContent = this.byJid.size ? 'No contact matches the filter.' : 'No contacts yet.';
      ul.append(this.empty);
    }
    if (focused && focused.isConnected && document.activeElement !== focused) { // it was moved
      focused.focus({ preventScroll: true });
    }
  }

  section(g) {
    let s = this.sections.get(g);
    if (!s) {
      const id = `group-${this.sectionIds++}`;
      const ul = el('ul', { class: 'contacts', 'aria-labelledby': id });
      s = { li: el('li', { class: 'group', 'data-group': g }, el('h3', { id, text: g || 'Other contacts' }), ul), ul };
      this.sections.set(g, s);
    }
    return s;
  }

  /**
   * The item of one contact in one section. Its element and its buttons live as long as the item does (a click
   * whose press and release straddle a presence update still lands); what changed is written into them.
   */
  item(g, c, used) {
    const key = `${c.jid} ${g}`; // a bare JID has no space
    used.add(key);
    const n = this.unread.get(c.jid) || 0;
    const current = c.jid === this.selected;
    let it = this.items.get(key);
    const marks = it && it.n === n && it.current === current;
    if (marks && it.c === c) return it.li;
    const shape = JSON.stringify(c); // a roster loaded again (the daemon reconnected) mostly says the same
    if (marks && shape === it.shape) {
      it.c = c;
      return it.li;
    }
    if (!it) {
      it = this.created(c.jid);
      this.items.set(key, it);
    }
    Object.assign(it, { c, n, current, shape });
    const p = (c.presence && c.presence.availability) || 'unavailable';
    const presence = PRESENCE[p] || p;
    const status = c.presence && c.presence.status ? ` — ${c.presence.status}` : '';
    const who = c.name || c.jid;
    if (it.picture !== `${who} ${c.avatar}`) {
      it.picture = `${who} ${c.avatar}`;
      const shown = it.li.firstElementChild; // the picture, or its initial until it arrives
      if (shown && shown.classList.contains('avatar')) shown.replaceWith(avatar(c)); else it.li.prepend(avatar(c));
    }
    it.open.setAttribute('aria-label', `Chat with ${who}, ${presence}${status}${n ? `, ${n} unread` : ''}`);
    if (current) it.open.setAttribute('aria-current', 'true'); else it.open.removeAttribute('aria-current');
    it.open.replaceChildren(el('span', { class: `presence ${p}`, 'aria-hidden': 'true' }),
      el('span', { class: 'names' }, el('span', { class: 'name', text: who }),
        el('span', { class: 'sub', text: `${c.jid} · ${presence}${status}` })),
      n ? el('span', { class: 'unread', 'aria-hidden': 'true', text: String(n) }) : null);
    const callable = c.callable || (c.tels || []).some((t) => t.callable);
    if (callable && !it.call) {
      it.call = el('button', { type: 'button', class: 'call',
        onclick: () => this.onCall(it.c.jid, it.c.name || it.c.jid) },
        icon('phone'), el('span', { class: 'call-text', text: 'Call' }));
      it.open.after(it.call);
    } else if (!callable && it.call) {
      it.call.remove();
      it.call = null;
    }
    if (it.call) it.call.setAttribute('aria-label', `Call ${who}`);
    if (it.edit) it.edit.setAttribute('aria-label', `Edit ${who}`);
    return it.li;
  }

  /** A new item's element with the buttons that stay; their handlers act on the item's newest contact. */
  created(jid) {
    const it = { li: el('li', { class: 'contact', 'data-jid': jid }) };
    it.open = el('button', { type: 'button', class: 'contact-open', onclick: () => this.onOpen(it.c.jid) });
    it.edit = this.onEdit ? el('button', { type: 'button', class: 'edit', title: 'Rename, regroup or remove',
      onclick: () => this.onEdit(it.c) }, el('span', { 'aria-hidden': 'true', text: '⋯' })) : null;
    it.li.append(it.open, ...(it.edit ? [it.edit] : []));
    return it;
  }
}
