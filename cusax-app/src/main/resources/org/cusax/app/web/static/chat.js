// The chat pane of one contact: calls and messages on one timeline (history command), and sending.
import { command } from './api.js';
import { el, $, time, duration, say } from './view.js';

const OUTCOME = { answered: 'Call', missed: 'Missed call', rejected: 'Declined call', busy: 'Busy', cancelled: 'Cancelled call',
  'no-answer': 'No answer', failed: 'Failed call' };

export class ChatPane {
  constructor(contacts) {
    this.contacts = contacts;
    this.jid = null;
    this.pending = new Map();
    this.sending = 0; // messages on their way to the daemon (no id yet): the timeline must not be re-rendered
    this.early = new Map(); // statuses that came before the chat command's answer
    $('chat-form').addEventListener('submit', (e) => { e.preventDefault(); this.send(); });
  }

  /**
   * Shows the chat with `jid`: its timeline from the history, then the form. Opened again while that history
   * is still loading (a double click, the refresh after a call), it joins that load instead of starting a second
   * one, whose rendering would replace what was written meanwhile into the first.
   */
  open(jid, focus = true) {
    if (this.loading && this.loading.jid === jid) {
      this.loading.focus = this.loading.focus || focus;
      return this.loading.done;
    }
    const loading = { jid, focus };
    this.loading = loading;
    loading.done = this.load(loading).finally(() => {
      if (this.loading === loading) this.loading = null;
    });
    return loading.done;
  }

  async load(loading) {
    const { jid } = loading;
    this.current = loading; // a later open, of any chat, supersedes this one
    this.jid = jid;
    this.contacts.select(jid);
    $('chat-title').textContent = `Chat with ${this.contacts.name(jid)}`;
    $('chat-hint').hidden = true;
    $('chat-form').hidden = true; // until the history is in: what is sent meanwhile would be replaced by it
    $('timeline').replaceChildren();
    try {
      const entries = await command('history', { contact: jid, limit: 100 });
      if (this.current !== loading) return;
      $('timeline').replaceChildren(...entries.map((e) => this.entry(e)));
      this.scroll();
    } catch (e) {
      say(`History not available: ${e.message}`);
    }
    if (this.current !== loading) return;
    $('chat-form').hidden = false;
    if (loading.focus) $('chat-text').focus();
  }

  entry(e) {
    if (e.kind === 'call') {
      const missed = e.outcome === 'missed';
      const dir = e.direction === 'incoming' ? 'incoming' : 'outgoing';
      const text = `${OUTCOME[e.outcome] || 'Call'} (${dir})${e.durationMs ? `, ${duration(e.durationMs)}` : ''}`;
      return el('li', { class: `call-entry${missed ? ' missed' : ''}` }, el('span', { text }), el('time', { text: time(e.at) }));
    }
    return this.message(e.direction, e.body, e.at, null);
  }

  message(direction, body, at, state) {
    const li = el('li', { class: `msg ${direction === 'incoming' ? 'in' : 'out'}` },
      el('span', { class: 'vh', text: direction === 'incoming' ? `${this.contacts.name(this.jid)} said:` : 'You said:' }),
      el('p', { text: body }), el('time', { text: time(at) }));
    if (state) li.append(el('span', { class: 'state', text: state }));
    return li;
  }

  received(e) {
    const from = String(e.from || '').split('/')[0];
    if (from === this.jid) {
      $('timeline').append(this.message('incoming', e.body, e.at, null));
      this.scroll();
    } else {
      this.contacts.markUnread(from);
      say(`New message from ${this.contacts.name(from)}`);
    }
  }

  status(e) {
    const li = this.pending.get(e.id);
    if (!li) {
      this.early.set(e.id, e.state);
      if (this.early.size > 100) this.early.delete(this.early.keys().next().value);
      return;
    }
    li.querySelector('.state').textContent = e.state;
    if (e.state === 'acknowledged' || e.state === 'failed') this.pending.delete(e.id);
  }

  async send() {
    const input = $('chat-text');
    const text = input.value.trim();
    if (!text || !this.jid) return;
    input.value = '';
    const li = this.message('outgoing', text, new Date().toISOString(), 'sending');
    $('timeline').append(li);
    this.scroll();
    this.sending += 1;
    try {
      const r = await command('chat', { to: this.jid, text });
      const state = this.early.get(r.id) || r.state;
      this.early.delete(r.id);
      li.querySelector('.state').textContent = state;
      if (state !== 'acknowledged' && state !== 'failed') this.pending.set(r.id, li);
    } catch (e) {
      li.querySelector('.state').textContent = `not sent: ${e.message}`;
      li.classList.add('failed');
    } finally {
      this.sending -= 1;
    }
  }

  /** Whether an outgoing message still awaits its outcome: re-rendering the timeline now would lose its line. */
  busy() {
    return this.sending > 0 || this.pending.size > 0;
  }

  callEnded(jid, entry) {
    if (jid && jid === this.jid) {
      $('timeline').append(this.entry(entry));
      this.scroll();
    }
  }

  scroll() {
    const t = $('timeline');
    t.scrollTop = t.scrollHeight;
  }
}
