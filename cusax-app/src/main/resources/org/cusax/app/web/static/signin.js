// The sign-in form of a daemon started signed out (`cusax serve --sign-in`): user id + password through the
// `sign-in` command (discovery and provisioning as `cusax login`), or manual settings (`sign-in-manual`);
// progress from `session-state` while it runs; the error in the form. Passwords live only in the inputs:
// they are cleared after each try and never written to the page or to storage.
import { command } from './api.js';
import { $, el, say } from './view.js';

const MESSAGES = {
  'sign-in-refused': 'Wrong user id or password.',
  throttled: 'Too many attempts: wait a little and try again.',
  'not-discovered': 'No service found for this user id: enter the manual settings below.',
  conflict: 'Cannot sign in now.',
  'bad-request': 'These settings are not valid.',
};

function explain(e) {
  let lead = MESSAGES[e.code] || 'Sign-in failed.';
  if (e.code === 'provisioning-failed') {
    lead = {
      certificate: 'The provisioning server\'s certificate is not trusted (or not issued for its name).',
      'insecure-url': 'The provisioning address is not HTTPS: refused.',
      unreachable: 'The provisioning server could not be reached.',
      'invalid-document': 'The provisioning server sent settings that are not valid.',
    }[e.details.kind] || 'The provisioning server did not give the settings.';
  }
  if (e.code === 'throttled' && e.details.retryAfterSeconds) {
    lead = `Too many attempts: try again in ${e.details.retryAfterSeconds} s.`;
  }
  return [el('strong', {}, lead), el('span', { class: 'detail' }, ` ${e.message}`)];
}

function steps(list) {
  $('signin-steps').replaceChildren(...(list || []).map((s) => el('li', {}, s)));
}

/** Runs one sign-in command, showing its steps while it runs; resolves on success, shows the error otherwise. */
async function attempt(name, params, clear) {
  const buttons = [...document.querySelectorAll('#signin button[type=submit]')];
  buttons.forEach((b) => { b.disabled = true; });
  $('signin-error').hidden = true;
  $('signin-progress').hidden = false;
  steps([]);
  document.body.dataset.signin = 'running';
  let running = true;
  const poll = async () => {
    while (running) {
      try {
        const s = await command('session-state');
        if (running) steps(s.steps);
      } catch (e) { /* the sign-in's own answer tells */ }
      await new Promise((r) => setTimeout(r, 400));
    }
  };
  poll();
  try {
    const result = await command(name, params);
    steps(result.steps);
    return result;
  } catch (e) {
    $('signin-error').replaceChildren(...explain(e));
    $('signin-error').hidden = false;
    document.body.dataset.signin = e.code || 'failed';
    if (e.code === 'not-discovered') {
      $('manual').hidden = false;
      $('manual').open = true;
    }
    return null;
  } finally {
    running = false;
    clear();
    $('signin-progress').hidden = true;
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function showForm(resolve) {
  document.body.dataset.session = 'signed-out';
  $('signin').hidden = false;
  $('signin-need-link').hidden = true;
  $('signin-form').hidden = false;
  $('manual').hidden = false;
  say('Not signed in: sign in below');
  const done = () => {
    document.body.dataset.session = 'signed-in';
    document.body.dataset.signin = 'done';
    $('signin').hidden = true;
    $('sign-out').hidden = false;
    resolve(true);
  };
  $('signin-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const user = $('signin-user').value.trim();
    if (!user || !$('signin-password').value) {
      $('signin-error').textContent = 'Enter your user id and password.';
      $('signin-error').hidden = false;
      return;
    }
    const ok = await attempt('sign-in', { user, password: $('signin-password').value },
      () => { $('signin-password').value = ''; });
    if (ok) done();
  });
  $('manual-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (id) => $(id).value.trim();
    const params = {
      xmppJid: v('manual-jid'), xmppHost: v('manual-xmpp-host'), xmppPort: v('manual-xmpp-port'),
      sipAor: v('manual-aor'), sipProxy: v('manual-proxy'), sipPort: v('manual-sip-port'),
      sipTransport: $('manual-transport').value, sipAuthUser: v('manual-auth-user'),
      password: $('manual-password').value, sipPassword: $('manual-sip-password').value,
    };
    const ok = await attempt('sign-in-manual', params, () => {
      $('manual-password').value = '';
      $('manual-sip-password').value = '';
    });
    if (ok) done();
  });
  $('signin-user').focus();
}

/**
 * Resolves once the page may load the session: at once when the daemon serves one (or this page has no
 * cookie: the page then asks for the link), after a successful sign-in when the daemon runs signed out.
 */
export async function signedIn() {
  let s;
  try {
    s = await command('session-state');
  } catch (e) {
    return true; // not signed in to the daemon (no cookie), or a daemon without the sign-in commands
  }
  if (s.state === 'signed-in') {
    document.body.dataset.session = 'signed-in';
    $('sign-out').hidden = false;
    return true;
  }
  return new Promise((resolve) => showForm(resolve));
}

$('sign-out').addEventListener('click', async () => {
  try {
    await command('sign-out');
    location.reload(); // the cookie stays: the page comes back with the sign-in form
  } catch (e) {
    say(`Could not sign out: ${e.message}`);
  }
});
