// A minimal stand-in for the `chrome` extension API, enough for the worker's
// modules: storage areas, the toolbar action, the runtime id, opening tabs.

function area() {
  const data = {};
  return {
    data,
    async get(keys) {
      const wanted = keys === undefined || keys === null ? Object.keys(data) : [].concat(keys);
      return Object.fromEntries(wanted.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data[k] = structuredClone(v);
    },
    async remove(keys) {
      for (const k of [].concat(keys)) delete data[k];
    },
  };
}

export function installFakeBrowser() {
  const badges = new Map(); // tabId ('global' for none) -> {text, color, title}
  const set = (field) => async (details) => {
    const key = details.tabId ?? 'global';
    badges.set(key, { ...badges.get(key), [field]: details[field] });
  };
  const fake = {
    runtime: { id: 'standout-test' },
    storage: { local: area(), session: area() },
    action: {
      setBadgeText: set('text'),
      setBadgeBackgroundColor: set('color'),
      setTitle: set('title'),
    },
    tabs: {
      created: [],
      async create(props) {
        fake.tabs.created.push(props);
        return { id: 100 + fake.tabs.created.length, ...props };
      },
    },
    badges,
  };
  globalThis.chrome = fake;
  return fake;
}
