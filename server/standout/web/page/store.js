// Drafts kept in this browser's localStorage, never on the server: the draft and
// its fields, the answers per interview question with their earlier versions, and
// the questions to ask. A storage that is full, turned off or holds something
// unreadable never loses what is on screen: the page keeps working and says so.

const KEY = 'standout.page.v1';
const MAX_VERSIONS = 20; // earlier drafts kept per question

const empty = () => ({
  draft: { text: '', company: '', role: '', question: '', posting: '' },
  practice: { question: '', answers: {} }, // answers: {id: {text, versions: [{text, at, summary}]}}
  asks: { text: '', company: '' },
  ignored: [], // [{rule, phrase}]
  disabledRules: [],
});

const str = (v) => (typeof v === 'string' ? v : '');

function clean(raw) {
  const out = empty();
  if (!raw || typeof raw !== 'object') return out;
  for (const k of Object.keys(out.draft)) out.draft[k] = str(raw.draft?.[k]);
  out.practice.question = str(raw.practice?.question);
  const answers = raw.practice?.answers;
  if (answers && typeof answers === 'object') {
    for (const [id, a] of Object.entries(answers)) {
      const versions = Array.isArray(a?.versions) ? a.versions : [];
      out.practice.answers[id] = {
        text: str(a?.text),
        versions: versions
          .filter((v) => typeof v?.text === 'string' && typeof v?.at === 'number')
          .slice(-MAX_VERSIONS)
          .map((v) => ({ text: v.text, at: v.at, summary: v.summary && typeof v.summary === 'object' ? v.summary : {} })),
      };
    }
  }
  out.asks.text = str(raw.asks?.text);
  out.asks.company = str(raw.asks?.company);
  if (Array.isArray(raw.ignored)) {
    out.ignored = raw.ignored.filter((e) => typeof e?.rule === 'string' && typeof e?.phrase === 'string');
  }
  if (Array.isArray(raw.disabledRules)) out.disabledRules = raw.disabledRules.filter((r) => typeof r === 'string');
  return out;
}

export class Store {
  constructor(storage = globalThis.localStorage) {
    this.storage = storage;
    this.problem = null; // a sentence for the user when saving fails
    let raw = null;
    try {
      raw = JSON.parse(storage?.getItem(KEY) ?? 'null');
    } catch {
      this.problem = 'Saved drafts could not be read; new ones will be saved.';
    }
    this.data = clean(raw);
  }

  save() {
    try {
      this.storage.setItem(KEY, JSON.stringify(this.data));
      this.problem = null;
      return true;
    } catch {
      this.problem = 'This browser would not save the draft (storage full or turned off). Copy it somewhere safe.';
      return false;
    }
  }

  answer(id) {
    if (!this.data.practice.answers[id]) this.data.practice.answers[id] = { text: '', versions: [] };
    return this.data.practice.answers[id];
  }

  /** Keeps the answer's current text as an earlier version, unless it is empty or unchanged. */
  keepVersion(id, summary = {}, at = Date.now()) {
    const answer = this.answer(id);
    const text = answer.text;
    const last = answer.versions[answer.versions.length - 1];
    if (!text.trim() || last?.text === text) return false;
    answer.versions.push({ text, at, summary });
    if (answer.versions.length > MAX_VERSIONS) answer.versions.splice(0, answer.versions.length - MAX_VERSIONS);
    this.save();
    return true;
  }
}

export { KEY as STORAGE_KEY, MAX_VERSIONS };
