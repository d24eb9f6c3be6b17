import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULTS, parseServerUrl, siteOf, phraseKey, isIgnored, withIgnored, isSiteOff, withSite, normalize,
  startCommand, serviceCommand,
} from '../lib/settings.js';

test('the default server is on loopback, port 8765', () => {
  assert.equal(DEFAULTS.serverUrl, 'http://127.0.0.1:8765');
});

test('only a server on this machine is accepted', () => {
  assert.deepEqual(parseServerUrl(' http://127.0.0.1:9000/ '), { ok: true, url: 'http://127.0.0.1:9000' });
  assert.deepEqual(parseServerUrl('localhost:8765'), { ok: true, url: 'http://localhost:8765' });
  assert.deepEqual(parseServerUrl('http://127.0.0.1:8765/v1/check'), { ok: true, url: 'http://127.0.0.1:8765' });
  for (const bad of ['', 'https://127.0.0.1:8765', 'http://example.com', 'http://127.0.0.2:80',
    'http://user:pw@127.0.0.1:1', 'ftp://localhost', 'http://[::1]:8765', 'http://localhost.evil.com']) {
    assert.equal(parseServerUrl(bad).ok, false, bad);
  }
});

test('sites and phrases are compared loosely where it does not matter', () => {
  assert.equal(siteOf('https://Boards.Greenhouse.io/acme'), 'boards.greenhouse.io');
  assert.equal(siteOf('file:///tmp/x.html'), 'file');
  assert.equal(siteOf('nonsense'), '');
  assert.equal(phraseKey('  Team\n Player '), 'team player');
});

test('the ignore list is per site and has no duplicates', () => {
  let list = withIgnored([], { site: 'a.test', phrase: 'team player', rule: 'cliche.team-player' });
  list = withIgnored(list, { site: 'a.test', phrase: 'Team  Player' });
  assert.equal(list.length, 1);
  assert.equal(isIgnored(list, 'a.test', 'TEAM PLAYER'), true);
  assert.equal(isIgnored(list, 'b.test', 'team player'), false);
});

test('sites turn off and on', () => {
  const off = withSite([], 'a.test', false);
  assert.deepEqual(off, ['a.test']);
  assert.equal(isSiteOff({ sitesOff: off }, 'a.test'), true);
  assert.deepEqual(withSite(off, 'a.test', true), []);
  assert.equal(isSiteOff({ sitesOff: off }, ''), false);
});

test('normalize repairs whatever storage holds', () => {
  const s = normalize({ serverUrl: 42, sitesOff: 'x', ignored: [null, { site: 'a', phrase: 'b' }, { site: 1 }], perfMarks: 'yes' });
  assert.equal(s.serverUrl, DEFAULTS.serverUrl);
  assert.deepEqual(s.sitesOff, []);
  assert.deepEqual(s.ignored, [{ site: 'a', phrase: 'b' }]);
  assert.equal(s.perfMarks, false);
  assert.deepEqual(normalize(undefined).disabledRules, []);
});

test('the start commands name the port the extension uses', () => {
  assert.equal(startCommand('http://127.0.0.1:8765'), 'standout serve');
  assert.equal(startCommand('http://localhost:9000/'), 'standout serve --port 9000');
  assert.equal(startCommand('http://127.0.0.1'), 'standout serve --port 80');
  assert.equal(serviceCommand('http://127.0.0.1:9000'), 'standout service install --port 9000');
  assert.equal(serviceCommand('http://127.0.0.1:8765'), 'standout service install');
  assert.equal(startCommand('http://example.com:9000'), 'standout serve', 'not an address it would use');
});
