// Generates malformed scenario links, reproducibly (a fixed seed): random keys, wrong
// types, out-of-range and absurd numbers, bad encodings, very long values and markup.
// Every link has at least one fault the page must report; some also carry harmless
// noise (markup in a free-text knob) that must never be rendered as HTML.

// The link format's keys and each experiment's knobs (see lab/src/scenario.rs and src/experiments/).
export const KNOBS = {
  'timer-vs-busy': ['timer', 'busy'],
  heartbeat: ['period', 'ticks', 'work'],
  'async-overlap': ['requests', 'delay'],
  heavy: ['seeds', 'steps', 'threads'],
  primes: ['jobs', 'limit', 'threads'],
  collatz: ['n', 'threads'],
  'slow-hash': ['password', 'cost', 'updates', 'passwords', 'ticks', 'period'],
  shards: ['shards', 'size', 'fetch'],
  pipeline: ['images', 'bytes', 'download'],
  'blocking-join': ['tasks', 'sleep'],
  'pool-to-async': ['len'],
  service: ['rate', 'hash', 'cost', 'lookup', 'lookup_ms', 'every', 'duration', 'seed', 'password'],
  'yield-often': ['work', 'slice', 'period'],
};
const TEXT_KNOBS = new Set(['password']);
const MARKUP = [
  '<img src=x onerror="window.__injected=true">',
  '"><script>window.__injected=true</script>',
  '<b data-injected>bold</b>',
  "javascript:window.__injected=true",
];

function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Longer addresses than this are refused by common hosts and servers (HTTP 414/431)
// before the page could see them, so links are kept below it.
export const MAX_LINK = 7500;

export function malformedLinks(count, seed = 20261122) {
  const random = mulberry32(seed);
  const pick = list => list[Math.floor(random() * list.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const randomText = (length, alphabet) => Array.from({ length }, () => pick(alphabet)).join('');
  const ASCII = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!*()\'; '];
  const WILD = [...ASCII, 'é', 'ß', '漢', '字', '😀', '\u202e', '\u0000', '\t', '\n', '=', '&', '#', '+', '%', '"', '<', '>'];
  const enc = s => encodeURIComponent(s);

  // A value no whole-number knob accepts, and why.
  const badNumbers = [
    () => ['1e15', 'N = 10^15'], () => ['1000000000000000', 'huge'], () => ['9'.repeat(int(25, 400)), 'absurdly long number'],
    () => [`-${int(1, 100000)}`, 'negative'], () => ['-0.5', 'negative fraction'], () => ['3.75', 'fraction'],
    () => ['', 'empty'], () => ['   ', 'blank'], () => [pick(['NaN', 'Infinity', '-Infinity', 'null', 'undefined', 'true', '[]', '{}', '0x1F', '1e', 'e9', '--5', '1,2.3']), 'not a number'],
    () => [randomText(int(1, 30), ASCII.filter(c => !/[0-9 ,_]/.test(c))), 'garbage'],
    () => [randomText(int(300, 600), WILD), 'long garbage'], () => [randomText(int(2000, 5000), ASCII), 'very long garbage'],
    () => [pick(MARKUP), 'markup'],
  ];
  const faults = [
    exp => { const [v, why] = pick(badNumbers)(); const key = pick(KNOBS[exp].filter(k => !TEXT_KNOBS.has(k))); return [`${key}=${enc(v)}`, `${key}: ${why}`]; },
    exp => { const key = pick(KNOBS[exp].filter(k => !TEXT_KNOBS.has(k))); return [`${key}=${int(10000, 99999999)}000000000`, `${key}: far out of range`]; },
    () => { const key = randomText(int(1, 20), ASCII); return [`${enc('zz' + key)}=${enc(randomText(int(0, 10), WILD))}`, 'unknown key']; },
    () => [`${enc(randomText(int(1, 8), WILD.filter(c => c !== '\u0000')) + '\u2603')}=1`, 'unknown unicode key'],
    () => [`threads=10000`, 'unknown or out-of-range threads'],
    exp => [`mode=${enc(pick(['turbo', '', 'MAIN-THREAD', 'pool ', '<b>x</b>', randomText(int(100, 600), WILD)]))}`, `mode of ${exp}`],
    () => [`repeats=${enc(pick(['0', '21', '-1', 'many', '1e9', '']))}`, 'repeats'],
    () => [`run=${enc(pick(['maybe', '2', 'ALL', '<script>', 'yes please']))}`, 'run flag'],
    () => [`v=${enc(pick(['2', '0', 'x', '']))}`, 'format version'],
    exp => { const key = pick(KNOBS[exp]); return [`${key}=${enc(TEXT_KNOBS.has(key) ? 'x' : '5')}&${key}=${enc('9'.repeat(30))}`, `${key} twice`]; },
    exp => TEXT_KNOBS.has(KNOBS[exp][0]) ? [`password=${enc(randomText(int(200, 600), WILD))}`, 'password too long'] : [`${KNOBS[exp][0]}=%E0%A4%A`, 'truncated UTF-8'],
    () => [`${'k'.repeat(int(500, 5000))}=v`, 'very long key'],
    exp => { const key = pick(KNOBS[exp].filter(k => !TEXT_KNOBS.has(k))); return [`${key}=%ZZ%${pick(['', '%', '%2', '%FF%FE'])}`, `${key}: raw bad percent-encoding`]; },
  ];

  const links = [];
  const keep = link => { if (link.query.length <= MAX_LINK) links.push(link); };
  const slugs = Object.keys(KNOBS);
  for (let i = 0; links.length < count; i++) {
    const kind = i % 10;
    if (kind === 8) {
      // No such experiment (sometimes with markup), with or without other keys.
      const slug = pick(['nope', '', 'Collatz', 'collatz ', '../../etc/passwd', pick(MARKUP), randomText(int(1, 600), WILD)]);
      const extra = random() < 0.5 ? `&n=${int(1, 9)}&mode=pool` : '';
      keep({ query: `?experiment=${enc(slug)}${extra}`, why: 'unknown experiment', experiment: null });
      continue;
    }
    if (kind === 9) {
      // Keys without an experiment (the list opens), or a repeated experiment key (the first is used).
      if (random() < 0.5) {
        const query = `?${Array.from({ length: int(1, 300) }, (_, j) => `junk${j}=${enc(randomText(int(0, 4), ASCII))}`).join('&')}`;
        keep({ query, why: 'keys without an experiment', experiment: null });
      } else {
        const slug = pick(slugs);
        keep({ query: `?experiment=${slug}&experiment=${enc(randomText(int(1, 20), WILD))}`, why: 'experiment twice', experiment: slug });
      }
      continue;
    }
    const experiment = pick(slugs);
    const parts = [`experiment=${experiment}`];
    const whys = [];
    for (let f = int(1, 5); f > 0; f--) {
      const [part, why] = pick(faults)(experiment);
      parts.push(part);
      whys.push(why);
    }
    // Harmless noise: markup in the free-text knob, which is a valid password.
    if (KNOBS[experiment].includes('password') && random() < 0.5) parts.push(`password=${enc(pick(MARKUP))}`);
    for (let j = parts.length - 1; j > 1; j--) { const k = int(1, j); [parts[j], parts[k]] = [parts[k], parts[j]]; }
    keep({ query: `?${parts.join('&')}`, why: whys.join('; '), experiment });
  }
  return links;
}

/** A results record of format 1 as a Collatz page makes it (see lab/src/shared_result.rs). */
const RESULT = {
  v: 1, experiment: 'collatz', params: 'n=100000 threads=0',
  device: { name: 'laptop', browser: 'Chromium 156', cores: 2, pool: 2, isolated: true, optimised: true },
  modes: [{ mode: 'worker', runs: 3, ms: [30.1, 29.5, 31.2], gap: [17, 16, 18] }, { mode: 'pool', runs: 3, ms: [17.2, 16.9, 18.8] }],
  curve: [[1, 0.95, 0.9, 1.0], [2, 1.8, 1.7, 1.85]],
};

/**
 * Compare-view links (`?compare=1#r=…`) damaged at random, reproducibly: bytes of the
 * record or of its JSON changed, cut or inserted, fields forged, markup in the text
 * fields. Each is beside an intact item, which must still load.
 */
export function malformedResults(count, seed = 20261201) {
  const random = mulberry32(seed);
  const pick = list => list[Math.floor(random() * list.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const encode = text => Buffer.from(text).toString('base64url');
  const good = encode(JSON.stringify(RESULT));
  const forgeries = [
    r => { r.v = pick([0, 2, 99, '1', null, -1]); },
    r => { r.experiment = pick(['nope', '', ...MARKUP]); },
    r => { r.device.name = pick(MARKUP); },
    r => { r.device.browser = '\u0007'.repeat(int(1, 5)); },
    r => { r.device.cores = pick([0, -2, 1e9, 'two', null]); },
    r => { r.modes[0].ms = pick([[-1, 0, 1], [5, 6, 7], [1e300, 1, 2], 'fast', []]); },
    r => { r.modes[0].mode = pick(['warp', '', ...MARKUP]); },
    r => { r.modes = Array.from({ length: int(17, 200) }, () => RESULT.modes[0]); },
    r => { r.curve = pick([[[0, 1, 1, 1]], [[2, -1, 0, 1]], 'curve', Array.from({ length: 65 }, (_, i) => [i + 1, 1, 1, 1])]); },
    r => { r.params = 'x'.repeat(int(300, 3000)); },
  ];
  const links = [];
  for (let i = 0; i < count; i++) {
    let item;
    if (i % 2 === 0) {
      const record = structuredClone(RESULT);
      pick(forgeries)(record);
      item = encode(JSON.stringify(record));
    } else {
      const text = random() < 0.5 ? good : JSON.stringify(RESULT);
      const chars = [...text];
      for (let d = int(1, 6); d > 0; d--) {
        const at = int(0, chars.length - 1);
        const kind = int(0, 2);
        if (kind === 0) chars[at] = pick([...'AZaz09-_=%#&{}[]":,.\\<>']);
        else if (kind === 1) chars.length = at;
        else chars.splice(at, 0, pick([...'AZaz09-_=%#&{}[]":,.\\<>']));
      }
      item = text === good ? chars.join('') : encode(chars.join(''));
    }
    const damaged = `r=${item}`;
    links.push({ query: `?compare=1#${random() < 0.5 ? `${damaged}&r=${good}` : `r=${good}&${damaged}`}` });
  }
  return links;
}
