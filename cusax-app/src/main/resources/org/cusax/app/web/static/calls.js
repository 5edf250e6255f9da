// Calls: placing (with the registry's choice of number), the incoming-call panel, the in-call panel
// (timer, hold/resume, DTMF keypad, hang up), the dial pad and the call history with call back.
import { command } from './api.js';
import { el, $, say, duration, time, icon } from './view.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const MATCHED = { tel: 'matched by phone number', 'call-info': 'matched by the caller\'s XMPP address (Call-Info)' };
const OUTCOME = { answered: 'Answered', missed: 'Missed', rejected: 'Declined', busy: 'Busy', cancelled: 'Cancelled',
  'no-answer': 'No answer', failed: 'Failed' };

export class Calls {
  constructor(contacts, onEnded) {
    this.contacts = contacts;
    this.onEnded = onEnded;
    this.live = new Map();
    this.labels = new Map();
    this.timer = null;
    this.keypad($('dtmf-pad'), (d) => this.dtmf(d));
    this.keypad($('dial-pad'), (d) => { $('dial-target').value += d; });
    $('dial-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const target = $('dial-target').value.trim();
      if (target) this.place(target, target);
    });
    $('answer').addEventListener('click', () => this.act('answer', this.ringing()));
    $('decline').addEventListener('click', () => this.act('reject', this.ringing()));
    $('busy').addEventListener('click', () => this.act('busy', this.ringing()));
    $('hangup').addEventListener('click', () => this.act('hangup', this.current()));
    $('hold').addEventListener('click', () => {
      const c = this.current();
      if (c) this.act(c.state === 'on-hold' ? 'resume' : 'hold', c);
    });
    $('menu-cancel').addEventListener('click', () => this.closeMenu());
    $('menu').addEventListener('keydown', (e) => { if (e.key === 'Escape') this.closeMenu(); });
  }

  keypad(container, press) {
    container.replaceChildren(...KEYS.map((k) => el('button', { type: 'button', 'aria-label': k === '*' ? 'star' : k === '#' ? 'pound' : k,
      onclick: () => press(k) }, k)));
  }

  /** Calls {@code target}; when the registry asks which number or account, offers its choices. */
  async place(target, label, extra = {}) {
    try {
      const call = await command('call', { target, ...extra });
      this.labels.set(call.callId, label);
      this.update(call);
      $('incall').scrollIntoView({ block: 'nearest' });
      say(`Calling ${label}`);
    } catch (e) {
      if (e.code === 'ambiguous-target' && (e.details.choose === 'number' || e.details.choose === 'account')) {
        this.menu(target, label, e.details);
      } else {
        say(`Cannot call ${label}: ${e.message}`);
      }
    }
  }

  menu(target, label, details) {
    const byNumber = details.choose === 'number';
    $('menu-title').textContent = byNumber ? `Which number of ${label}?` : `Call ${label} from which account?`;
    $('menu-choices').replaceChildren(...details.choices.map((c) => el('li', {},
      el('button', { type: 'button', onclick: () => {
        this.closeMenu();
        this.place(target, label, byNumber ? { number: String(c.n) } : { via: c });
      } }, byNumber ? `${c.label || 'number'}: ${c.number}` : String(c)))));
    this.opener = document.activeElement;
    $('menu').hidden = false;
    $('menu-choices').querySelector('button')?.focus();
  }

  closeMenu() {
    $('menu').hidden = true;
    this.opener?.focus();
  }

  async act(name, call) {
    if (!call) return;
    try {
      this.update(await command(name, { callId: call.callId }));
    } catch (e) {
      say(`${name} failed: ${e.message}`);
    }
  }

  async dtmf(digit) {
    const c = this.current();
    if (!c) return;
    try {
      await command('dtmf', { callId: c.callId, digits: digit });
      say(`Sent ${digit}`);
    } catch (e) {
      say(`Tone not sent: ${e.message}`);
    }
  }

  load(calls) {
    this.live.clear();
    for (const c of calls || []) this.live.set(c.callId, c);
    this.render();
  }

  update(call) {
    if (call.state === 'ended') {
      this.live.delete(call.callId);
    } else {
      this.live.set(call.callId, { ...this.live.get(call.callId), ...call });
    }
    this.render();
  }

  incoming(e) {
    const who = e.contact ? e.contact.name || e.contact.jid : e.fromDisplay || e.from;
    this.labels.set(e.callId, who);
    this.update(e);
    $('incoming').scrollIntoView({ block: 'nearest' });
    say(`Incoming call from ${who}`);
  }

  /** Answered: the security guard's warning about plain media under TLS signalling is said aloud (RFC 7081 §7). */
  answered(e) {
    this.update(e);
    if (e.media && e.media.warning) {
      say(`Warning: ${e.media.explanation}`);
    }
  }

  ended(e) {
    this.update({ ...e, state: 'ended' });
    const why = e.reason ? e.reason.message || e.reason.kind : '';
    say(`Call with ${this.labels.get(e.callId) || e.remote} ended${why ? `: ${why}` : ''}`);
    this.labels.delete(e.callId);
    this.onEnded();
  }

  ringing() {
    return [...this.live.values()].find((c) => c.direction === 'incoming' && c.state === 'ringing');
  }

  current() {
    return [...this.live.values()].find((c) => !(c.direction === 'incoming' && c.state === 'ringing'));
  }

  render() {
    const r = this.ringing();
    $('incoming').hidden = !r;
    if (r) {
      $('incoming-who').textContent = r.contact ? r.contact.name || r.contact.jid : r.fromDisplay || r.from || r.remote;
      const how = r.contact ? `${r.contact.jid}, ${MATCHED[r.contact.matchedBy] || r.contact.matchedBy}`
        : (r.candidates && r.candidates.length ? `Could be: ${r.candidates.map((j) => this.contacts.name(j)).join(', ')}`
          : `Not in your contacts${r.displayName ? ` (says "${r.displayName}")` : ''}`);
      $('incoming-how').textContent = how;
    }
    const c = this.current();
    $('incall').hidden = !c;
    clearInterval(this.timer);
    if (!c) return;
    $('incall-who').textContent = this.labels.get(c.callId) || c.remote;
    const held = c.state === 'on-hold';
    $('incall-state').textContent = { dialing: 'Calling…', ringing: 'Ringing…', answered: 'In call', 'on-hold': 'On hold' }[c.state] || c.state;
    $('hold').textContent = held ? 'Resume' : 'Hold';
    $('hold').setAttribute('aria-pressed', String(held));
    $('hold').disabled = !(c.state === 'answered' || held);
    $('dtmf-pad').hidden = c.state !== 'answered';
    const tick = () => {
      $('incall-timer').textContent = c.answered ? duration(Date.now() - Date.parse(c.answered)) : '';
    };
    tick();
    if (c.answered) this.timer = setInterval(tick, 1000);
  }

  history(entries) {
    const calls = entries.filter((e) => e.kind === 'call').reverse();
    const ul = $('call-history');
    ul.replaceChildren(...calls.map((e) => {
      const name = e.contact ? this.contacts.name(e.contact) : e.remote;
      const target = e.contact || e.remote;
      const missed = e.outcome === 'missed';
      return el('li', { class: missed ? 'missed' : '' },
        el('span', { class: 'names' }, el('span', { class: 'name', text: name }),
          el('span', { class: 'sub', text: `${e.direction === 'incoming' ? '↙ incoming' : '↗ outgoing'} · ${OUTCOME[e.outcome] || e.outcome}`
            + `${e.durationMs ? ` · ${duration(e.durationMs)}` : ''} · ${time(e.at)}` })),
        el('button', { type: 'button', class: 'call', 'aria-label': `Call back ${name}`, onclick: () => this.place(target, name) },
          icon('phone'), el('span', { class: 'call-text', text: 'Call back' })));
    }));
    if (calls.length === 0) ul.append(el('li', { class: 'muted', text: 'No calls yet.' }));
  }
}
