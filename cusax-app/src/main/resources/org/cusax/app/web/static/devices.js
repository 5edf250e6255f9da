// The sound devices a live call uses (the daemon's microphone and speaker, not the browser's): the
// `audio-devices` command lists them; the choice goes with `answer` and `call` as `input` / `output`.
import { command } from './api.js';
import { el, $ } from './view.js';

export class AudioDevices {
  constructor() {
    this.loaded = false;
    $('audio-devices').addEventListener('toggle', () => { if ($('audio-devices').open) this.load(); });
  }

  async load() {
    let devices = [];
    try {
      devices = (await command('audio-devices')).devices || [];
      this.loaded = true;
    } catch (e) {
      $('audio-devices-note').textContent = `Devices not available: ${e.message}`;
      return;
    }
    this.fill($('audio-input'), devices.filter((d) => d.input));
    this.fill($('audio-output'), devices.filter((d) => d.output));
    $('audio-devices-note').textContent = devices.length ? 'Used for the next call you answer or place.'
      : 'The daemon\'s machine offers no sound device: calls go on without one.';
  }

  fill(select, devices) {
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '', text: 'As configured (audio.input / audio.output)' }),
      el('option', { value: 'default', text: 'The sound system\'s default' }),
      el('option', { value: 'none', text: 'None' }),
      ...devices.map((d) => el('option', { value: d.name, text: d.description ? `${d.name} (${d.description})` : d.name })));
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
  }

  /** The parameters for `answer` / `call`: only what the person changed. */
  params() {
    const p = {};
    if ($('audio-input').value) p.input = $('audio-input').value;
    if ($('audio-output').value) p.output = $('audio-output').value;
    return p;
  }
}
