// The options page: server address, categories and rules on or off, the user's
// own samples (options/samples-section.js), the ignore list and the sites where
// Standout is off. Changes are saved as they are made.

import { Kind, message } from '../lib/protocol.js';
import { api, ask } from '../lib/extension-api.js';
import { getSettings, updateSettings } from '../lib/storage.js';
import { DEFAULT_SERVER_URL, parseServerUrl } from '../lib/settings.js';
import { initSamples, loadSamples } from './samples-section.js';

const $ = (id) => document.getElementById(id);
let rules = [];
let categoryTitles = new Map();

function item(parts, action) {
  const li = document.createElement('li');
  for (const [text, cls] of parts) {
    const span = document.createElement('span');
    span.textContent = text;
    if (cls) span.className = cls;
    li.append(span);
  }
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    li.append(button);
  }
  return li;
}

function fill(list, items, empty) {
  list.replaceChildren(...(items.length ? items : [item([[empty, 'grow']])]));
  if (!items.length) list.firstChild.className = 'empty';
}

function status(text, good) {
  $('server-status').textContent = text;
  $('server-status').className = `status ${good ? 'good' : 'bad'}`;
}

async function checkServer() {
  const reply = await ask(message(Kind.STATUS));
  if (reply?.ok && reply.reachable) {
    status(`Connected: Standout ${reply.health?.version ?? ''} at ${reply.serverUrl}`.trim(), true);
  } else {
    const start = reply?.command ?? 'standout serve';
    const login = reply?.service ? ` (or at every login: ${reply.service})` : '';
    status(`Not reachable at ${reply?.serverUrl ?? '?'}. Start it with: ${start}${login}`, false);
  }
}

function categoriesOf(settings) {
  const names = new Map();
  for (const rule of rules) {
    if (typeof rule?.category === 'string') names.set(rule.category, (names.get(rule.category) ?? 0) + 1);
  }
  for (const c of settings.disabledCategories) if (!names.has(c)) names.set(c, null);
  return [...names.entries()].sort(([a], [b]) => a.localeCompare(b));
}

async function render() {
  const settings = await getSettings();
  if (document.activeElement !== $('server-url')) $('server-url').value = settings.serverUrl;

  const categories = categoriesOf(settings).map(([name, count]) => {
    const li = document.createElement('li');
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = !settings.disabledCategories.includes(name);
    box.addEventListener('change', () => updateSettings((s) => ({
      disabledCategories: box.checked
        ? s.disabledCategories.filter((c) => c !== name)
        : [...new Set([...s.disabledCategories, name])],
    })));
    const ruleCount = count === null ? '' : `, ${count} ${count === 1 ? 'rule' : 'rules'}`;
    label.append(box, ` ${categoryTitles.get(name) || name}${ruleCount}`);
    li.append(label);
    return li;
  });
  fill($('categories'), categories, rules.length ? 'No categories.' : 'Start the server to list the categories.');

  // Rules by their names ("“passionate about”", its category); the id only while the server cannot say.
  const byId = new Map(rules.filter((r) => typeof r?.id === 'string').map((r) => [r.id, r]));
  fill($('rules-off'), settings.disabledRules.map((rule) => item([
    [byId.get(rule)?.title || rule, 'grow'],
    [categoryTitles.get(byId.get(rule)?.category) ?? '', 'site'],
  ], {
    label: 'Turn on',
    run: () => updateSettings((s) => ({ disabledRules: s.disabledRules.filter((r) => r !== rule) })),
  })), 'None.');

  fill($('ignored'), settings.ignored.map((entry, index) => item([[`“${entry.phrase}”`, 'grow'], [entry.site, 'site']], {
    label: 'Remove',
    run: () => updateSettings((s) => ({ ignored: s.ignored.filter((_, i) => i !== index) })),
  })), 'Nothing ignored.');

  fill($('sites-off'), settings.sitesOff.map((site) => item([[site, 'grow']], {
    label: 'Turn on',
    run: () => updateSettings((s) => ({ sitesOff: s.sitesOff.filter((x) => x !== site) })),
  })), 'None: Standout checks fields on every site.');
}

$('server-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const parsed = parseServerUrl($('server-url').value);
  if (!parsed.ok) {
    status(parsed.error, false);
    return;
  }
  await updateSettings(() => ({ serverUrl: parsed.url }));
  $('server-url').value = parsed.url;
  await loadRules();
});
$('server-reset').addEventListener('click', async () => {
  await updateSettings(() => ({ serverUrl: DEFAULT_SERVER_URL }));
  $('server-url').value = DEFAULT_SERVER_URL;
  await loadRules();
});
$('clear-ignored').addEventListener('click', () => updateSettings(() => ({ ignored: [] })));
$('clear-sites').addEventListener('click', () => updateSettings(() => ({ sitesOff: [] })));

async function loadRules() {
  await checkServer();
  const reply = await ask(message(Kind.RULES));
  rules = reply?.ok ? reply.rules : [];
  categoryTitles = new Map((reply?.ok ? reply.categories : [])
    .filter((c) => typeof c?.id === 'string').map((c) => [c.id, typeof c.title === 'string' ? c.title : '']));
  await render();
  await loadSamples();
}

api.storage.onChanged.addListener((_, area) => {
  if (area === 'local') render();
});
initSamples();
loadRules();
