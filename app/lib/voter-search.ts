// Finding a voter by name on the officer's phone (the voter-list check, docs/decisions/047-voter-list-check.md):
// the officer types what the voter says or what their card shows, and the list is written as the KPU wrote it.
// So both are brought to one spelling first: titles and degrees dropped ("H.", "Hj.", "Dr.", "Ir.",
// ", S.Pd"), the old spellings written as today (dj -> j, tj -> c, nj -> ny, sj -> sy, oe -> u, ch and kh -> h),
// doubled letters single; then each word typed must begin a word of the name, or be one typo away from one
// (a letter wrong, missing, extra, or two swapped). Runs on the phone for every keystroke: the list's words
// are prepared once (`indexVoters`), a search is a pass over them (`npm run bench -- voters`).

/** Titles and degrees written before or after a name, without their dots, as one word each. */
const TITLES = new Set([
  "h",
  "hj",
  "hajjah",
  "haji",
  "kh",
  "dr",
  "drs",
  "dra",
  "ir",
  "prof",
  "ust",
  "ustadz",
  "ustazah",
  "hc",
  "sh",
  "se",
  "sp",
  "spd",
  "spdi",
  "sag",
  "sos",
  "ssos",
  "sip",
  "skom",
  "sked",
  "skm",
  "sfarm",
  "sst",
  "mh",
  "mm",
  "mpd",
  "msi",
  "mag",
  "mkom",
  "amd",
  "amdkeb",
  "amdkep",
  "ama",
  "bsc",
  "phd",
  "alm",
  "almh",
  "tn",
  "ny",
  "nn",
  "sdr",
  "sdri",
  "bpk",
  "ibu",
]);

const OLD_SPELLINGS: [RegExp, string][] = [
  [/dj/g, "j"],
  [/tj/g, "c"],
  [/nj/g, "ny"],
  [/sj/g, "sy"],
  [/oe/g, "u"],
  [/ch/g, "h"],
  [/kh/g, "h"],
];

/** One word in today's spelling, doubled letters single. */
function spell(word: string): string {
  let w = word;
  for (const [from, to] of OLD_SPELLINGS) w = w.replace(from, to);
  return w.replace(/(.)\1+/g, "$1");
}

/**
 * The words of a name in one spelling, titles and degrees left out. Everything after the first comma is
 * degrees ("Siti Aminah, S.Pd."); a word written with dots inside ("S.Pd", "A.Md.Keb") is a title too.
 */
export function nameWords(name: string): string[] {
  const beforeComma = name.split(",")[0];
  const words = beforeComma
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[\s]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const raw of words) {
    const bare = raw.replace(/[^a-z0-9]/g, "");
    if (!bare) continue;
    // "S.Pd" and "A.Md.Keb": letters between dots are a degree; "H." and "Hj." are listed titles.
    if (TITLES.has(bare) || /^[a-z]{1,3}\.[a-z.]+$/.test(raw)) continue;
    out.push(spell(bare));
  }
  return out;
}

/** Whether `a` and `b` differ by at most one edit (a letter changed, added, removed, or two swapped). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export interface Indexed<T> {
  item: T;
  words: string[];
  /** The words run together, for a name typed without its spaces ("nuraini" for "Nur Aini"). */
  joined: string;
}

export function indexVoters<T extends { name: string }>(items: T[]): Indexed<T>[] {
  return items.map((item) => {
    const words = nameWords(item.name);
    return { item, words, joined: words.join("") };
  });
}

/** How well one word typed fits a word of the name: 3 the same, 2 its beginning, 1 a typo away, 0 not. */
function fit(typed: string, word: string, last: boolean): number {
  if (typed === word) return 3;
  // The word being typed (the last one) may be unfinished; earlier ones a beginning of at least 3 letters.
  if (word.startsWith(typed) && (last || typed.length >= 3)) return 2;
  if (typed.length >= 4 && oneEditApart(typed, word)) return 1;
  // An unfinished last word with a typo in it: its beginning is one edit from the word's beginning.
  if (last && typed.length >= 4 && word.length > typed.length && oneEditApart(typed, word.slice(0, typed.length)))
    return 1;
  return 0;
}

/**
 * The voters whose name fits every word typed, best first (same words before beginnings before typos, then
 * the list's order); at most `limit`. Fewer than 2 letters typed finds nothing.
 */
export function searchVoters<T extends { name: string }>(index: Indexed<T>[], query: string, limit = 20): T[] {
  const typed = nameWords(query);
  if (typed.join("").length < 2) return [];
  const joinedQuery = typed.join("");
  const scored: { item: T; score: number; at: number }[] = [];
  for (let at = 0; at < index.length; at++) {
    const { item, words, joined } = index[at];
    let score = 0;
    for (let t = 0; t < typed.length && score >= 0; t++) {
      let best = 0;
      for (const word of words) {
        const f = fit(typed[t], word, t === typed.length - 1);
        if (f > best) best = f;
        if (best === 3) break;
      }
      score = best ? score + best : -1;
    }
    // A name typed without its spaces, or with one space too many.
    if (score < 0 && joinedQuery.length >= 4) {
      if (joined.startsWith(joinedQuery)) score = 2;
      else if (joinedQuery.length >= 5 && oneEditApart(joinedQuery, joined.slice(0, joinedQuery.length))) score = 1;
    }
    if (score > 0) scored.push({ item, score, at });
  }
  scored.sort((a, b) => b.score - a.score || a.at - b.at);
  return scored.slice(0, limit).map((s) => s.item);
}
