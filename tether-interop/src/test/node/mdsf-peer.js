'use strict';
// Line-protocol peer for MdsfDifferentialIT: one JSON request per stdin line, one JSON
// reply per stdout line. Ops:
//   {op:'roundtrip', texts:[...]}      -> {texts:[...]} each mdsf.stringify(mdsf.parse(t)), or {error}
//   {op:'generate', seed, count}       -> {texts:[...]} mdsf.stringify of random values (kept)
//   {op:'check', texts:[...]}          -> {mismatches:[{index, detail}]} parse(t) deep-equals kept[i]
const readline = require('readline');
const mdsf = require('mdsf');

let kept = [];

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['a', 'text', '_x', '$y', 'null', 'class', 'a-b', 'with space', '1abc', 'ключ', '',
  "it's", 'q"q', 'back\\slash', 'nl\n', '\u2028', '😀', 'x1'];

function randomString(r) {
  const pools = [
    () => String.fromCharCode(32 + Math.floor(r() * 95)),
    () => ['\'', '"', '\\', '/'][Math.floor(r() * 4)],
    () => String.fromCharCode(Math.floor(r() * 32)),
    () => ['\u2028', '\u2029', '\u007f', '\u00e9', '\ufeff'][Math.floor(r() * 5)],
    () => '\ud83d\ude00',
    () => String.fromCharCode(0xd800 + Math.floor(r() * 0x800)),
    () => String.fromCharCode(Math.floor(r() * 0xffff)),
  ];
  let s = '';
  const len = Math.floor(r() * 12);
  for (let i = 0; i < len; i++) s += pools[Math.floor(r() * pools.length)]();
  return s;
}

function randomNumber(r) {
  const kind = Math.floor(r() * 6);
  if (kind === 0) return Math.floor(r() * 2000) - 1000;
  if (kind === 1) return (r() < 0.5 ? -1 : 1) * (2 ** 53 - Math.floor(r() * 5));
  if (kind === 2) return r() < 0.5 ? -0 : 5e-324 * Math.floor(1 + r() * 1000);
  if (kind === 3) return (r() - 0.5) * 10 ** (Math.floor(r() * 60) - 30);
  const buf = new DataView(new ArrayBuffer(8));
  for (;;) {
    buf.setUint32(0, Math.floor(r() * 4294967296));
    buf.setUint32(4, Math.floor(r() * 4294967296));
    const d = buf.getFloat64(0);
    if (Number.isFinite(d)) return d;
  }
}

function randomValue(r, depth) {
  const k = Math.floor(r() * (depth > 3 ? 5 : 7));
  if (k === 0) return randomString(r);
  if (k === 1) return randomNumber(r);
  if (k === 2) return [true, false, null][Math.floor(r() * 3)];
  if (k === 3 || k === 4) return k === 3 ? randomString(r) : randomNumber(r);
  if (k === 5) {
    const arr = [];
    const n = Math.floor(r() * 5);
    for (let i = 0; i < n; i++) arr.push(i < n - 1 && r() < 0.2 ? undefined : randomValue(r, depth + 1));
    return arr;
  }
  const obj = {};
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) obj[KEYS[Math.floor(r() * KEYS.length)]] = randomValue(r, depth + 1);
  return obj;
}

function diff(a, b, path) {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? null : `${path}: ${a} != ${b}`;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return `${path}: array shape differs`;
    for (let i = 0; i < a.length; i++) {
      const d = diff(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return `${path}: not an object`;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka)} != ${JSON.stringify(kb)}`;
    for (const key of ka) {
      const d = diff(a[key], b[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
}

function handle(req) {
  if (req.op === 'roundtrip') {
    return { texts: req.texts.map((t) => {
      try { return mdsf.stringify(mdsf.parse(t)); } catch (e) { return { error: String(e) }; }
    }) };
  }
  if (req.op === 'generate') {
    const r = rng(req.seed);
    kept = [];
    for (let i = 0; i < req.count; i++) kept.push(r() < 0.8 ? { v: randomValue(r, 0) } : [randomValue(r, 0)]);
    return { texts: kept.map((v) => mdsf.stringify(v)) };
  }
  if (req.op === 'check') {
    const mismatches = [];
    req.texts.forEach((t, index) => {
      let d;
      try { d = diff(kept[index], mdsf.parse(t), '$'); } catch (e) { d = String(e); }
      if (d) mismatches.push({ index, detail: d, text: t });
    });
    return { mismatches };
  }
  return { error: 'unknown op ' + req.op };
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  let reply;
  try { reply = handle(JSON.parse(line)); } catch (e) { reply = { error: String(e) }; }
  process.stdout.write(JSON.stringify(reply) + '\n');
});
