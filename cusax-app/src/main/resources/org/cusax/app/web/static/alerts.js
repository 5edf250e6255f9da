// What reaches a person who is not looking at the page: a ring made with WebAudio (no sound file) while
// a call rings, and browser notifications (Notification API) for incoming calls and messages.

/** The ring: two tones (440 + 480 Hz, the North American ring), 2 s on, 4 s off, until stopped. */
export class Ringer {
  constructor() {
    this.context = null;
    this.timer = null;
  }

  start() {
    if (this.timer) return;
    document.body.dataset.ringing = 'on';
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    try {
      this.context = this.context || new Ctx();
      this.context.resume().catch(() => {}); // browsers allow sound after the first user gesture only
    } catch (e) {
      this.context = null;
      return;
    }
    const burst = () => this.burst(2);
    burst();
    this.timer = setInterval(burst, 6000);
  }

  burst(seconds) {
    const ctx = this.context;
    if (!ctx || ctx.state === 'closed') return;
    const gain = ctx.createGain();
    gain.gain.value = 0.08;
    gain.connect(ctx.destination);
    for (const hz of [440, 480]) {
      const osc = ctx.createOscillator();
      osc.frequency.value = hz;
      osc.connect(gain);
      osc.start();
      osc.stop(ctx.currentTime + seconds);
    }
  }

  stop() {
    delete document.body.dataset.ringing;
    clearInterval(this.timer);
    this.timer = null;
    if (this.context) this.context.suspend().catch(() => {});
  }
}

/**
 * Browser notifications, when the person allowed them. Permission is asked on the page's first click
 * (browsers ask only after a user gesture); nothing is shown while the page is visible and focused.
 */
export class Notifier {
  constructor() {
    this.supported = 'Notification' in window;
    if (this.supported && Notification.permission === 'default') {
      const ask = () => { Notification.requestPermission().catch(() => {}); };
      document.addEventListener('click', ask, { once: true });
    }
  }

  show(title, body, tag, onClick) {
    if (!this.supported || Notification.permission !== 'granted') return null;
    if (document.visibilityState === 'visible' && document.hasFocus()) return null;
    try {
      const n = new Notification(title, { body, tag, renotify: true });
      n.onclick = () => { window.focus(); if (onClick) onClick(); n.close(); };
      return n;
    } catch (e) {
      return null; // some browsers allow notifications only from a service worker
    }
  }
}
