import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeBrowser } from './fake-browser.js';

const browser = installFakeBrowser();
const { openWelcomeOnInstall, WELCOME_PAGE } = await import('../background/welcome.js');
const { createHandlers } = await import('../background/handlers.js');
const { createClient } = await import('../background/server-client.js');
const { Kind, message } = await import('../lib/protocol.js');

function fakeRuntime() {
  const listeners = [];
  return {
    listeners,
    onInstalled: { addListener: (fn) => listeners.push(fn) },
    getURL: (path) => `chrome-extension://standout-test/${path}`,
  };
}

test('the first-run page opens on a fresh install only', async () => {
  const runtime = fakeRuntime();
  const created = [];
  openWelcomeOnInstall(runtime, { create: async (props) => created.push(props) });
  assert.equal(runtime.listeners.length, 1);
  for (const reason of ['update', 'chrome_update', 'shared_module_update']) runtime.listeners[0]({ reason });
  assert.deepEqual(created, []);
  runtime.listeners[0]({ reason: 'install' });
  assert.deepEqual(created, [{ url: `chrome-extension://standout-test/${WELCOME_PAGE}` }]);
});

test('a practice check is a check for no tab: findings, but no tab state and no badge', async () => {
  const bodies = [];
  const client = {
    ...createClient(),
    async check(baseUrl, body) {
      bodies.push(body);
      const offset = body.text.indexOf('team player');
      return {
        findings: [{ rule: 'cliche.team-player', category: 'cliche', severity: 'warning', offset, length: 11,
          text: 'team player', message: 'm', advice: 'a', title: 't' }],
        score: 40, version: '0.1.0',
      };
    },
    async rules() {
      return { rules: [], categories: [{ id: 'cliche', title: 'Self-description clichés' }], version: '0.1.0' };
    },
  };
  // The site the practice field is on is never switched off, whatever the settings say.
  browser.storage.local.data.sitesOff = ['anything'];
  const handlers = createHandlers({ client });
  const reply = await handlers[Kind.PRACTICE](message(Kind.PRACTICE, { text: 'I am a team player.', focused: true }),
    { id: 'standout-test', url: 'chrome-extension://standout-test/welcome/welcome.html', tab: { id: 9 } });
  assert.equal(reply.ok, true);
  assert.deepEqual(reply.findings.map((f) => [f.rule, f.start, f.end]), [['cliche.team-player', 7, 18]]);
  assert.equal(reply.total, 1);
  assert.equal(bodies.length, 1);
  assert.equal(browser.badges.has(9), false);
  assert.equal(Object.keys(browser.storage.session.data).length, 0);
});

test('a content script cannot send practice checks', async () => {
  const { SENDERS, Sender } = await import('../lib/protocol.js');
  assert.equal(SENDERS[Kind.PRACTICE], Sender.PAGE);
});
