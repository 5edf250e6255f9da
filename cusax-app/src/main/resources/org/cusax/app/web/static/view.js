// Small DOM helpers (text only: data from the network never becomes markup) and the connection badges.

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

export const $ = (id) => document.getElementById(id);

/**
 * Puts `nodes` into `parent` in that order, moving only what is out of place: nodes already in
 * place stay, so a focused button, a held element and a half-loaded picture are not disturbed.
 */
export function arrange(parent, nodes) {
  let at = parent.firstChild;
  for (const n of nodes) {
    if (n === at) at = at.nextSibling;
    else parent.insertBefore(n, at);
  }
  while (at) {
    const next = at.nextSibling;
    at.remove();
    at = next;
  }
}

const SVG = 'http://www.w3.org/2000/svg';
const ICONS = {
  phone: ['M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z'],
  lock: ['M6 11h12v10H6z', 'M8 11V7a4 4 0 0 1 8 0v4'],
  unlock: ['M6 11h12v10H6z', 'M8 11V7a4 4 0 0 1 7.5-2'],
};

/** A small line icon drawn here (no font or download needed); hidden from screen readers. */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ICONS[name]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

export function say(text) {
  $('live').textContent = text;
}

export function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

const STATES = { online: 'Online', offline: 'Offline', connecting: 'Connecting', reconnecting: 'Reconnecting',
  failed: 'Failed' };

/** One half's badge: its state, why (when not online), and how it is secured (lock). */
export function badge(half) {
  const li = $(`badge-${half.half}`);
  if (!li) return;
  const since = Date.parse(half.since || '') || 0;
  if (since < (Number(li.dataset.since) || 0)) return; // older than what is shown
  li.dataset.since = String(since);
  li.dataset.state = half.state;
  const sec = half.security;
  const locked = sec && sec.encrypted;
  const lock = el('span', { class: locked ? 'lock on' : 'lock off' }, icon(locked ? 'lock' : 'unlock'));
  const secText = half.state !== 'online' ? '' : locked ? `Secured: ${sec.summary || sec.tls || 'encrypted'}` : 'Not encrypted';
  const reason = half.state !== 'online' && half.reason ? half.reason.message || half.reason.kind : '';
  li.replaceChildren(
    el('span', { class: 'dot', 'aria-hidden': 'true' }),
    el('strong', { text: half.label || (half.half === 'chat' ? 'Chat' : 'Telephony') }),
    el('span', { class: 'state', text: STATES[half.state] || half.state }),
    half.state === 'online' ? lock : null,
    el('span', { class: 'detail', text: secText || reason }));
  li.title = [half.protocol, half.account, secText || reason].filter(Boolean).join(' · ');
  li.setAttribute('aria-label', `${half.label || half.half}: ${STATES[half.state] || half.state}`
    + (secText ? `, ${secText}` : '') + (reason ? `, ${reason}` : ''));
}

/** RFC 7081 §7: both halves should be secured alike; say how to bring them to the same level. */
export function parity(p) {
  const banner = $('parity');
  if (!p || p.matched) {
    banner.hidden = true;
    return;
  }
  const weaker = levelRank(p.chat) < levelRank(p.telephony) ? 'Chat' : 'Telephony';
  const how = weaker === 'Telephony'
    ? 'use SIP over TLS (a sips: or transport=tls registrar) with SRTP for the media'
    : 'connect XMPP with TLS (STARTTLS or direct TLS) and a verified server certificate';
  const refused = p.decision === 'mismatch-refused';
  banner.replaceChildren(
    el('strong', { text: 'Chat and Telephony are not secured alike. ' }),
    el('span', { text: `Chat: ${p.chatProtection || p.chat || 'none'}, Telephony: ${p.telephonyProtection || p.telephony || 'none'}. ${p.explanation || ''} ` }),
    refused ? el('span', { class: 'guard', text: `The security guard (profile ${p.profile}) keeps ${p.weaker === 'chat' ? 'Chat' : 'Telephony'} offline until then. ` })
      : p.decision === 'mismatch-warned' ? el('span', { class: 'guard', text: `The security guard (profile ${p.profile}) lets both run and warns. ` }) : null,
    el('span', { text: p.remedy ? `To bring them to the same level (RFC 7081 §7): ${p.remedy}`
      : `To bring them to the same level (RFC 7081 §7), ${how} in the account's settings.` }));
  banner.dataset.decision = p.decision || '';
  banner.hidden = false;
}

function levelRank(level) {
  if (!level || level === 'none' || level === 'plain') return 0;
  return 1;
}
