// The user's side of the contact list: own presence and status, adding a contact, editing one (rename, groups,
// remove) and answering requests to see our presence (RFC 6121 §2.3-2.5, §3.1.3). Commands only (docs/api.md).
import { command } from './api.js';
import { el, $, say, arrange } from './view.js';

const groupsOf = (text) => text.split(',').map((g) => g.trim()).filter(Boolean);

export class RosterPanel {
  constructor(contacts) {
    this.contacts = contacts;
    this.requests = new Set();
    this.editing = null;
    this.returnFocus = null;
    $('me-form').addEventListener('submit', (e) => { e.preventDefault(); this.setPresence(); });
    $('add-form').addEventListener('submit', (e) => { e.preventDefault(); this.add(); });
    $('edit-form').addEventListener('submit', (e) => { e.preventDefault(); this.save(); });
    $('edit-remove').addEventListener('click', () => this.removeEditing());
    $('edit-cancel').addEventListener('click', () => this.closeEdit());
    $('edit').addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closeEdit();
      if (e.key === 'Tab') { // a modal dialog keeps the focus inside until it closes
        const stops = [...$('edit').querySelectorAll('input, button')].filter((x) => !x.disabled);
        const first = stops[0];
        const last = stops[stops.length - 1];
        if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
        if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
      }
    });
  }

  async load() {
    try {
      const own = await command('own-presence');
      $('me-show').value = own.show;
      $('me-status').value = own.status || '';
    } catch (e) {
      say(`Own presence not available: ${e.message}`);
    }
    try {
      const r = await command('subscription-requests');
      this.requests = new Set(r.requests || []);
      this.renderRequests();
    } catch (e) {
      say(`Requests not available: ${e.message}`);
    }
  }

  /** A subscription-request event: pending shows it, approved/denied/withdrawn takes it away. */
  request(e) {
    if (e.state === 'pending') this.requests.add(e.jid);
    else this.requests.delete(e.jid);
    this.renderRequests();
    if (e.state === 'pending') say(`${e.jid} asks to see your presence`);
    if (e.state === 'withdrawn') say(`${e.jid} withdrew the request to see your presence`);
  }

  /** One item per waiting request, kept while it waits (a repeated request event does not rebuild it). */
  renderRequests() {
    const ul = $('request-list');
    const kept = new Map([...ul.children].map((li) => [li.dataset.jid, li]));
    arrange(ul, [...this.requests].map((jid) => kept.get(jid) || el('li', { class: 'request', 'data-jid': jid },
      el('span', { class: 'names' }, el('span', { class: 'name', text: jid }),
        el('span', { class: 'sub', text: 'asks to see your presence' })),
      el('button', { type: 'button', class: 'ok approve', 'aria-label': `Accept ${jid}`,
        onclick: () => this.answer(jid, true) }, 'Accept'),
      el('button', { type: 'button', class: 'deny', 'aria-label': `Deny ${jid}`,
        onclick: () => this.answer(jid, false) }, 'Deny'))));
    $('requests').hidden = this.requests.size === 0;
  }

  async answer(jid, approve) {
    try {
      await command(approve ? 'subscription-approve' : 'subscription-deny', { jid });
      this.requests.delete(jid);
      this.renderRequests();
      say(approve ? `${jid} can now see your presence` : `Request of ${jid} denied`);
      $('filter').focus();
    } catch (e) {
      say(`Could not answer ${jid}: ${e.message}`);
    }
  }

  async setPresence() {
    const show = $('me-show').value;
    const status = $('me-status').value.trim();
    try {
      const r = await command('presence', { show, status });
      $('me-form').dataset.show = r.show;
      say(`Your presence: ${$('me-show').selectedOptions[0].textContent}${r.status ? ` — ${r.status}` : ''}`);
    } catch (e) {
      say(`Presence not set: ${e.message}`);
    }
  }

  async add() {
    const jid = $('add-jid').value.trim();
    const name = $('add-name').value.trim();
    const groups = groupsOf($('add-group').value);
    try {
      await command('contact-add', { jid, name, groups });
      $('add-form').reset();
      say(`${name || jid} added; waiting for them to accept`);
    } catch (e) {
      say(`Could not add ${jid || 'the contact'}: ${e.message}`);
      $('add-jid').focus();
    }
  }

  /** Opens the edit dialog for one contact; focus goes into it and comes back to the list when it closes. */
  edit(contact) {
    this.editing = contact.jid;
    this.returnFocus = document.activeElement;
    $('edit-title').textContent = `Edit ${contact.name || contact.jid}`;
    $('edit-jid').textContent = contact.jid;
    $('edit-name').value = contact.rosterName !== undefined ? contact.rosterName : (contact.name || '');
    $('edit-groups').value = (contact.groups || []).join(', ');
    $('edit').hidden = false;
    $('edit-name').focus();
  }

  closeEdit() {
    $('edit').hidden = true;
    this.editing = null;
    if (this.returnFocus && this.returnFocus.isConnected) this.returnFocus.focus();
    else $('filter').focus();
  }

  async save() {
    const jid = this.editing;
    if (!jid) return;
    try {
      await command('contact-update', { jid, name: $('edit-name').value.trim(), groups: groupsOf($('edit-groups').value) });
      say(`${jid} saved`);
      this.closeEdit();
    } catch (e) {
      say(`Could not save ${jid}: ${e.message}`);
    }
  }

  async removeEditing() {
    const jid = this.editing;
    if (!jid) return;
    try {
      await command('contact-remove', { jid });
      say(`${jid} removed`);
      this.closeEdit();
    } catch (e) {
      say(`Could not remove ${jid}: ${e.message}`);
    }
  }
}
