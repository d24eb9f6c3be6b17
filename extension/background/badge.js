// The toolbar badge: the number of findings in the field last edited in a tab,
// coloured by the worst severity, or "off" while the server is not reachable.

import { api } from './store.js';

const COLOURS = { error: '#c5221f', warning: '#b06000', info: '#1967d2', down: '#5f6368' };
const DOWN_TITLE = 'Standout: the server is not running. Start it with: standout serve';

async function quietly(promise) {
  try {
    await promise;
  } catch {
    // The tab may be gone already; a badge is never worth an error.
  }
}

// Tabs whose own badge says "off" (a tab's badge hides the global one).
const downTabs = new Set();

export async function showDown(tabId) {
  if (tabId !== undefined) downTabs.add(tabId);
  const targets = [{}, ...(tabId === undefined ? [] : [{ tabId }])];
  for (const target of targets) {
    await quietly(api.action.setBadgeText({ ...target, text: 'off' }));
    await quietly(api.action.setBadgeBackgroundColor({ ...target, color: COLOURS.down }));
    await quietly(api.action.setTitle({ ...target, title: DOWN_TITLE }));
  }
}

export async function showUp() {
  await quietly(api.action.setBadgeText({ text: '' }));
  await quietly(api.action.setTitle({ title: 'Standout' }));
  for (const tabId of downTabs) {
    await quietly(api.action.setBadgeText({ tabId, text: '' }));
    await quietly(api.action.setTitle({ tabId, title: 'Standout' }));
  }
  downTabs.clear();
}

export async function showCount(tabId, findings) {
  if (tabId === undefined) return;
  const worst = ['error', 'warning', 'info'].find((s) => findings.some((f) => f.severity === s));
  await quietly(api.action.setBadgeText({ tabId, text: findings.length ? String(findings.length) : '' }));
  await quietly(api.action.setTitle({ tabId, title: `Standout: ${findings.length} finding(s) in this field` }));
  if (worst) await quietly(api.action.setBadgeBackgroundColor({ tabId, color: COLOURS[worst] }));
}
