// The daemon's documented API (docs/api.md): commands over HTTP, events over one WebSocket.
// The page holds no credential: the HttpOnly session cookie goes along by itself.

export class ApiError extends Error {
  constructor(code, message, details, status) {
    super(message);
    this.code = code;
    this.details = details || {};
    this.status = status;
  }
}

export async function command(name, params = {}) {
  const r = await fetch(`/api/v1/commands/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(params),
    credentials: 'same-origin',
  });
  let body;
  try {
    body = await r.json();
  } catch (e) {
    throw new ApiError('internal', `HTTP ${r.status}`, {}, r.status);
  }
  if (!body.ok) {
    const e = body.error || {};
    throw new ApiError(e.code || 'internal', e.message || `HTTP ${r.status}`, e.details, r.status);
  }
  return body.data;
}

/**
 * Follows the event stream; reconnects after a loss (1 s, then up to 15 s between tries). A try that
 * has not opened after 10 s is abandoned and made again; a small keep-alive message every 20 s keeps
 * an idle socket from timing out.
 */
export function events(onEvent, onState) {
  let delay = 1000;
  let socket;
  let stopped = false;
  const retry = () => {
    if (stopped) return;
    setTimeout(open, delay);
    delay = Math.min(delay * 2, 15000);
  };
  const open = () => {
    const ws = new WebSocket(`ws://${location.host}/api/v1/events`);
    socket = ws;
    const watchdog = setTimeout(() => { if (ws.readyState === WebSocket.CONNECTING) ws.close(); }, 10000);
    let keepAlive;
    ws.onopen = () => {
      clearTimeout(watchdog);
      delay = 1000;
      keepAlive = setInterval(() => { if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"keep-alive"}'); }, 20000);
    };
    ws.onmessage = (m) => {
      let e;
      try { e = JSON.parse(m.data); } catch (err) { console.error('unreadable event', err); return; }
      // The socket opens before the daemon has subscribed it; its first message says it has. Only then is a
      // snapshot (the page's load) sure to miss no event, such as a call ending while the snapshot was taken.
      if (e.type === 'events-attached') { onState('open'); return; }
      try { onEvent(e); } catch (err) { console.error('event not handled', err); }
    };
    ws.onclose = () => {
      clearTimeout(watchdog);
      clearInterval(keepAlive);
      if (stopped || ws !== socket) return;
      onState('lost');
      retry();
    };
  };
  open();
  return () => { stopped = true; socket.close(); };
}
