// The settings pane: the switches the daemon offers (settings / setting commands, docs/api.md) — feature
// switches per account, "on the phone" presence, Call-Info privacy — as labelled checkboxes.
import { command } from './api.js';
import { el, $, say } from './view.js';

export class SettingsPane {
  async load() {
    let r;
    try {
      r = await command('settings');
    } catch (e) {
      $('settings-list').replaceChildren(el('li', { class: 'muted', text: `Settings not available: ${e.message}` }));
      return;
    }
    $('settings-file').textContent = r.file ? `Saved in ${r.file}` : 'Changes last for this session (no config file).';
    $('settings-list').replaceChildren(...(r.settings || []).map((s) => this.item(s)));
  }

  item(s) {
    const id = `setting-${s.key.replace(/[^a-z0-9]/g, '-')}`;
    const box = el('input', { type: 'checkbox', id, 'data-key': s.key, checked: s.value ? true : null,
      'aria-describedby': `${id}-when` });
    box.addEventListener('change', () => this.change(box));
    return el('li', { class: 'setting' }, box,
      el('label', { for: id, text: s.label }),
      el('span', { id: `${id}-when`, class: 'sub', text: s.applies === 'now' ? 'applies at once' : 'applies at the next start' }));
  }

  async change(box) {
    const key = box.dataset.key;
    box.disabled = true;
    try {
      const r = await command('setting', { key, value: box.checked });
      box.checked = r.value;
      say(`${box.labels[0].textContent}: ${r.value ? 'on' : 'off'}${r.applies === 'now' ? '' : ' (from the next start)'}`
        + (r.persisted ? ', saved' : ''));
    } catch (e) {
      box.checked = !box.checked;
      say(`Not changed: ${e.message}`);
    } finally {
      box.disabled = false;
    }
  }
}
