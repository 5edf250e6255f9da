// Calls: placing (with the registry's choice of number, and the confirmation of a call that leaves our
// service), the incoming-call panel (bound contact or number and candidates, ring, notification), the
// in-call panel (timer, mute, hold/resume, DTMF keypad, hang up, chat, audio device), the dial pad and the history.
import { command } from './api.js';
import { el, $, say, duration, time, icon } from './view.js';
import { Ringer, Notifier } from './alerts.js';
import { AudioDevices } from './devices.js';
import { CallDevices } from './calldevices.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const MATCHED = { tel: 'matched by phone number', 'call-info': 'matched by the caller\'s XMPP address (Call-Info)' };
/** How far a call has come: a command's answer never takes a call back to an earlier state than an event. */
const RANK = { dialing: 0, ringing: 1, answered: 2, 'on-hold': 2, ended: 3 };
const OUTCOME = { answered: 'Answered', missed: 'Missed', rejected: 'Declined', busy: 'Busy', cancelled: 'Cancelled',
  'no-answer': 'No answer', failed: 'Failed' };

export class Calls {
  constructor(contacts, onEnded, { openChat } = {}) {
    this.contacts = contacts;
    this.onEnded = onEnded;
    this.openChat = openChat || (() => {});
    this.live = new Map();
    this.gone = new Set(); // calls that ended: a late command answer must not bring them back
    this.labels = new Map();
    this.timer = null;
    this.ringer = new Ringer();
    this.notifier = new Notifier();
    this.devices = new AudioDevices();
    this.callDevices = new CallDevices(() => this.current());
    this.keypad($('dtmf-pad'), (d) => this.dtmf(d));
    this.keypad($('dial-pad'), (d) => { $('dial-target').value += d; });
    $('dial-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const target = $('dial-target').value.trim();
      if (target) this.place(target, target);
    });
    $('answer').addEventListener('click', () => this.act('answer', this.ringing(), this.devices.params()));
    $('incoming-chat').addEventListener('click', () => this.chatWith(this.ringing()));
    $('incall-chat').addEventListener('click', () => this.chatWith(this.current()));
    $('mute').addEventListener('click', () => {
      const c = this.current();
      if (c) this.act('mute', c, { muted: !c.muted });
    });
    $('confirm-cancel').addEventListener('click', () => this.closeConfirm());
    $('confirm').addEventListener('keydown', (e) => { if (e.key === 'Escape') this.closeConfirm(); });
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
      const call = await command('call', { target, ...this.devices.params(), ...extra });
      this.labels.set(call.callId, label);
      this.update(call, true);
      $('incall').scrollIntoView({ block: 'nearest' });
      say(`Calling ${label}`);
    } catch (e) {
      if (e.code === 'ambiguous-target' && (e.details.choose === 'number' || e.details.choose === 'account')) {
        this.menu(target, label, e.details);
      } else if (e.code === 'confirmation-required') {
        this.confirm(target, label, extra, e.details.reason || e.message);
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

  /** RFC 7081 §5: a call that leaves our service is flagged; it is placed only once the person confirms. */
  confirm(target, label, extra, reason) {
    $('confirm-text').textContent = `${label}: ${reason}`;
    $('confirm-call').onclick = () => {
      this.closeConfirm();
      this.place(target, label, { ...extra, yes: true });
    };
    this.opener = document.activeElement;
    $('confirm').hidden = false;
    $('confirm-call').focus();
  }

  closeConfirm() {
    $('confirm').hidden = true;
    this.opener?.focus();
  }

  /** Opens the chat with the contact a call is bound to (or its only candidate). */
  chatWith(call) {
    const jid = call && this.jidOf(call);
    if (jid) this.openChat(jid);
  }

  jidOf(call) {
    if (call.contact) return call.contact.jid;
    if (call.candidates && call.candidates.length === 1) return call.candidates[0];
    return this.contacts.byAddress ? this.contacts.byAddress(call.remote) : null;
  }

  closeMenu() {
    $('menu').hidden = true;
    this.opener?.focus();
  }

  async act(name, call, extra = {}) {
    if (!call) return;
    this.inFlight(1);
    try {
      const r = await command(name, { callId: call.callId, ...extra });
      this.update(name === 'mute' ? { callId: r.callId, muted: r.muted } : r, true);
    } catch (e) {
      say(`${name} failed: ${e.message}`);
    } finally {
      this.inFlight(-1);
    }
  }

  /**
   * Call commands under way: while one is, the incoming panel's buttons are disabled (a second Answer or a
   * Decline after Answer would only fail) and the body says how many (data-call-commands).
   */
  inFlight(delta) {
    this.running = (this.running || 0) + delta;
    document.body.dataset.callCommands = String(this.running);
    for (const b of $('incoming').querySelectorAll('.actions button')) b.disabled = this.running > 0;
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

  /** The live calls as the `calls` command gives them (after a reload or a reconnect of the event socket). */
  load(calls) {
    this.live.clear();
    for (const c of calls || []) this.update(c);
    this.render();
  }

  /**
   * Merges what is known of a call. Events arrive on the WebSocket and command answers over HTTP, in any
   * order: an answer ({@code snapshot}) taken before the ACK still says "ringing" when the "call-answered"
   * event may already be here, so it never moves a call back, and nothing brings back a call that ended.
   */
  update(call, snapshot = false) {
    if (this.gone.has(call.callId)) return;
    const flat = call.caller ? { ...call.caller, ...call } : call;
    if (flat.state === 'ended') {
      this.live.delete(call.callId);
      this.gone.add(call.callId);
      if (this.gone.size > 200) this.gone.delete(this.gone.values().next().value);
    } else {
      const known = this.live.get(call.callId);
      const merged = { ...known, ...flat };
      if (snapshot && known && flat.state && RANK[flat.state] < RANK[known.state]) {
        merged.state = known.state;
        merged.answered = known.answered;
      }
      this.live.set(call.callId, merged);
    }
    this.render();
  }

  incoming(e) {
    const who = e.contact ? e.contact.name || e.contact.jid : e.fromDisplay || e.from;
    this.labels.set(e.callId, who);
    this.update(e);
    $('incoming').scrollIntoView({ block: 'nearest' });
    say(`Incoming call from ${who}`);
    this.notifier.show(`Incoming call: ${who}`, e.fromDisplay || e.from || '', `call-${e.callId}`,
      () => $('answer').focus());
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
    if (e.direction === 'incoming' && !e.answered && !(e.reason && ['rejected-locally', 'hung-up-locally'].includes(e.reason.kind))) {
      this.notifier.show('Missed call', this.labels.get(e.callId) || e.remote, `missed-${e.callId}`);
    }
    this.labels.delete(e.callId);
    this.onEnded();
  }

  /** A sound device of a call could not be opened: the call goes on without it; say so. */
  deviceFailed(e) {
    say(`The ${e.direction === 'input' ? 'microphone' : 'speaker'} ${e.device} cannot be used: ${e.reason}. The call goes on without it.`);
  }

  /** A chat message: a browser notification when the page is not in front (clicking it opens the chat). */
  messageArrived(e) {
    const from = String(e.from || '').split('/')[0];
    this.notifier.show(`Message from ${this.contacts.name(from)}`, String(e.body || '').slice(0, 140), `chat-${from}`,
      () => this.openChat(from));
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
      this.ringer.start();
      this.incomingPanel(r);
    } else {
      this.ringer.stop();
    }
    const c = this.current();
    $('incall').hidden = !c;
    clearInterval(this.timer);
    if (!c) return;
    $('incall-who').textContent = this.labels.get(c.callId) || (c.contact && (c.contact.name || this.contacts.name(c.contact.jid))) || c.remote;
    const held = c.state === 'on-hold';
    $('incall-state').textContent = { dialing: 'Calling…', ringing: 'Ringing…', answered: 'In call', 'on-hold': 'On hold' }[c.state] || c.state;
    $('hold').textContent = held ? 'Resume' : 'Hold';
    $('hold').setAttribute('aria-pressed', String(held));
    $('hold').disabled = !(c.state === 'answered' || held);
    $('mute').textContent = c.muted ? 'Unmute' : 'Mute';
    $('mute').setAttribute('aria-pressed', String(Boolean(c.muted)));
    $('mute').disabled = !(c.state === 'answered' || held);
    $('incall-chat').hidden = !this.jidOf(c);
    $('dtmf-pad').hidden = c.state !== 'answered';
    this.callDevices.show(c);
    const tick = () => {
      $('incall-timer').textContent = c.answered ? duration(Date.now() - Date.parse(c.answered)) : '';
    };
    tick();
    if (c.answered) this.timer = setInterval(tick, 1000);
  }

  /** Who calls: the bound contact and how it was matched (RFC 7081 §5), or the number and the candidates. */
  incomingPanel(r) {
    const number = r.fromDisplay || r.from || r.remote;
    $('incoming-who').textContent = r.contact ? r.contact.name || this.contacts.name(r.contact.jid) : number;
    $('incoming-number').textContent = r.contact ? number : (r.displayName ? `says "${r.displayName}"` : '');
    $('incoming-how').textContent = r.contact ? `${r.contact.jid}, ${MATCHED[r.contact.matchedBy] || r.contact.matchedBy}`
      : (r.candidates && r.candidates.length ? `Not bound to one contact; could be: ${r.candidates.map((j) => this.contacts.name(j)).join(', ')}`
        : 'Not in your contacts');
    $('incoming-ignored').textContent = r.callInfoIgnored ? `The caller's XMPP address was not believed: ${r.callInfoIgnored}` : '';
    $('incoming-ignored').hidden = !r.callInfoIgnored;
    $('incoming-chat').hidden = !this.jidOf(r);
  }

  history(entries) {
    const calls = entries.filter((e) => e.kind === 'call').reverse();
    const ul = $('call-history');
    ul.replaceChildren(...calls.map((e) => {
      const name = e.contact ? this.contacts.name(e.contact) : e.remote;
      const target = e.remote || e.contact; // call back the address that called (or was called), as phones do
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
