// Plain names for the server's ids: "Self-description clichés" for `cliche`,
// '"passionate about"' for `passion.passionate-about`. Read from GET /v1/rules
// (which also lists the categories) once per server address and version, and
// kept in memory: a worker that was stopped asks again on its first check.

export function createNames(client) {
  let known = null; // {serverUrl, version, categories: {id: title}, rules: {id: title}}
  let asking = null;

  function remember(serverUrl, reply) {
    const categories = {};
    for (const c of Array.isArray(reply?.categories) ? reply.categories : []) {
      if (typeof c?.id === 'string' && typeof c.title === 'string' && c.title) categories[c.id] = c.title;
    }
    const rules = {};
    for (const r of Array.isArray(reply?.rules) ? reply.rules : []) {
      if (typeof r?.id === 'string' && typeof r.title === 'string' && r.title) rules[r.id] = r.title;
    }
    known = { serverUrl, version: reply?.version ?? null, categories, rules };
    return known;
  }

  /**
   * The names of the server at `serverUrl` (`{categories, rules}`), asked for when
   * not known or when the server's `version` changed; empty when it cannot be asked.
   */
  async function of(serverUrl, version = null) {
    const fresh = known?.serverUrl === serverUrl && (!version || !known.version || known.version === version);
    if (fresh) return known;
    asking ??= client.rules(serverUrl)
      .then((reply) => remember(serverUrl, reply), () => null)
      .finally(() => { asking = null; });
    return (await asking) ?? { categories: {}, rules: {} };
  }

  return { of, remember };
}
