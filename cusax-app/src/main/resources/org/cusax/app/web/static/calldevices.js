// The in-call "Audio device" control: moves the running call to another microphone or speaker of the
// daemon's machine (`call-audio-device`); the call goes on (RTP is not touched), only the device changes.
import { command } from './api.js';
import { el, $, say } from './view.js';

export class CallDevices {
  /** @param current the call the panel shows (or nothing) */
  constructor(current) {
    this.current = current;
    $('incall-devices').addEventListener('toggle', () => { if ($('incall-devices').open) this.load(); });
    $('incall-input').addEventListener('change', () => this.switchTo('input', $('incall-input')));
    $('incall-output').addEventListener('change', () => this.switchTo('output', $('incall-output')));
  }

  async load() {
    try {
      const devices = (await command('audio-devices')).devices || [];
      this.fill($('incall-input'), devices.filter((d) => d.input));
      this.fill($('incall-output'), devices.filter((d) => d.output));
    } catch (e) {
      say(`Devices not available: ${e.message}`);
    }
  }

  fill(select, devices) {
    select.replaceChildren(el('option', { value: '', text: 'Keep the current one' }),
      el('option', { value: 'default', text: 'The sound system\'s default' }),
      ...devices.map((d) => el('option', { value: d.name, text: d.description ? `${d.name} (${d.description})` : d.name })));
  }

  /** Sends the choice at once; a refusal (unknown device, call not answered) is said and the choice undone. */
  async switchTo(direction, select) {
    const c = this.current();
    const device = select.value;
    if (!c || !device) return;
    select.disabled = true;
    try {
      await command('call-audio-device', { callId: c.callId, [direction]: device });
      say(`${direction === 'input' ? 'Microphone' : 'Speaker'} is now ${device}`);
      select.dataset.active = device;
    } catch (e) {
      say(`Device not switched: ${e.message}`);
      select.value = select.dataset.active && [...select.options].some((o) => o.value === select.dataset.active)
        ? select.dataset.active : '';
    } finally {
      select.disabled = false;
    }
  }

  /** Another front-end (the CLI, a second page) moved the call: the selects show it. */
  changed(e) {
    if (e.callId !== this.callId) return;
    for (const [key, select] of [['input', $('incall-input')], ['output', $('incall-output')]]) {
      if (!e[key]) continue;
      if (![...select.options].some((o) => o.value === e[key])) select.append(el('option', { value: e[key], text: e[key] }));
      select.value = e[key];
      select.dataset.active = e[key];
    }
  }

  /** Shown only while the call's audio runs (answered or on hold); a new call starts with "keep". */
  show(call) {
    $('incall-devices').hidden = !call || !(call.state === 'answered' || call.state === 'on-hold');
    if (call && call.callId !== this.callId) {
      this.callId = call.callId;
      for (const select of [$('incall-input'), $('incall-output')]) {
        select.value = '';
        delete select.dataset.active;
      }
    }
  }
}
