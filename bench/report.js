'use strict';
// Reads results.jsonl written by compare.sh and prints one markdown table per pinning
// mode with Tether/peer ratios and the issue's targets. With --repeat > 1 the median
// of each (mode, server, load) is used.
const fs = require('fs');

const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[(s.length - 1) >> 1] : NaN; };
const get = (pin, server, load, field) => median(rows
  .filter((r) => (r.pin === pin || load === 'idle') && r.server === server && r.load === load)
  .map((r) => r[field]));
const f = (v, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
const ok = (cond) => (cond === undefined ? '' : cond ? 'yes' : '**no**');

function table(pin) {
  const out = [];
  const add = (load, metric, t, peerName, p, ratio, target, met) =>
    out.push(`| ${load} | ${metric} | ${t} | ${peerName} | ${p} | ${ratio} | ${target} | ${met} |`);
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
  const has = (v) => Number.isFinite(v);

  let t = get(pin, 'tether', 'socket-50x16', 'rps');
  let p = get(pin, 'actionhero', 'socket-50x16', 'rps');
  const r = get(pin, 'redis', 'redis-50x16', 'rps');
  add('socket 50×16', 'req/s', f(t), 'actionhero', f(p), f(ratio(t, p), 1) + '×', '≥ 20×',
    has(ratio(t, p)) ? ok(ratio(t, p) >= 20) : '');
  add('socket 50×16', 'req/s', f(t), 'redis PING', f(r), f(100 * ratio(t, r)) + ' %', '≥ 40 %',
    has(ratio(t, r)) ? ok(ratio(t, r) >= 0.4) : '');
  t = get(pin, 'tether', 'jstp-50x16', 'rps');
  p = get(pin, 'metarhia-jstp', 'jstp-50x16', 'rps');
  add('JSTP 50×16', 'req/s', f(t), '@metarhia/jstp', f(p), f(ratio(t, p), 1) + '×', '≥ 3×',
    has(ratio(t, p)) ? ok(ratio(t, p) >= 3) : '');
  const r50 = get(pin, 'redis', 'socket-1x1', 'p50us');
  for (const [proto, peer] of [['socket', 'actionhero'], ['jstp', 'metarhia-jstp']]) {
    const t50 = get(pin, 'tether', `${proto}-1x1`, 'p50us');
    const t99 = get(pin, 'tether', `${proto}-1x1`, 'p99us');
    add(`${proto} 1×1`, 'p50 µs', f(t50, 1), 'redis PING', f(r50, 1), f(ratio(t50, r50), 2) + '×', '≤ 1.5×',
      has(ratio(t50, r50)) ? ok(ratio(t50, r50) <= 1.5) : '');
    add(`${proto} 1×1`, 'p99 µs', f(t99, 1), peer, f(get(pin, peer, `${proto}-1x1`, 'p99us'), 1), '', '< 1000',
      has(t99) ? ok(t99 < 1000) : '');
    const t5099 = get(pin, 'tether', `${proto}-50x1`, 'p99us');
    add(`${proto} 50×1`, 'p99 µs', f(t5099, 1), peer, f(get(pin, peer, `${proto}-50x1`, 'p99us'), 1), '',
      '< 2000', has(t5099) ? ok(t5099 < 2000) : '');
    const idleRows = rows.filter((x) => x.load === 'idle' && x.server === 'tether' && x.label === proto);
    const tIdle = median(idleRows.map((x) => x.rssBytesPerConn));
    const pIdle = median(rows.filter((x) => x.load === 'idle' && x.server === peer).map((x) => x.rssBytesPerConn));
    if (pin === 'unpinned' && has(tIdle)) {
      const peerRows = rows.filter((x) => x.load === 'idle' && x.server === peer);
      const warm = median(idleRows.map((x) => x.idleWarmup ?? 0));
      add(`${proto} idle ${f(median(idleRows.map((x) => x.completed)))}${warm > 0 ? ` after ${f(warm)}` : ''}`,
        'RSS B/conn', f(tIdle), peer, f(pIdle), f(ratio(tIdle, pIdle), 2) + '×', '≤ 4096', ok(tIdle <= 4096));
      const benchIdle = median(rows.filter((x) => x.load === 'idle' && x.server === 'tether-bench-server'
        && x.label === proto).map((x) => x.rssBytesPerConn));
      if (has(benchIdle)) {
        add(`${proto} idle, JstpBenchServer`, 'RSS B/conn', f(benchIdle), peer, f(pIdle),
          f(ratio(benchIdle, pIdle), 2) + '×', 'info', '');
      }
      if (warm > 0) {
        const tFresh = median(idleRows.map((x) => x.rssBytesPerConnFresh));
        const pFresh = median(peerRows.map((x) => x.rssBytesPerConnFresh));
        add(`${proto} idle, from the fresh server`, 'RSS B/conn', f(tFresh), peer, f(pFresh),
          f(ratio(tFresh, pFresh), 2) + '×', 'info', '');
      }
    }
  }
  const tls = get(pin, 'tether', 'socket-tls-50x16', 'rps');
  const plain = get(pin, 'tether', 'socket-50x16', 'rps');
  add('socket TLS 50×16', 'req/s', f(tls), 'Tether plain', f(plain), f(100 * ratio(tls, plain)) + ' %', '≥ 50 %',
    has(ratio(tls, plain)) ? ok(ratio(tls, plain) >= 0.5) : '');
  const api = get(pin, 'tether', 'jstp-api-50x16', 'rps');
  if (has(api)) {
    add('JSTP 50×16 api.randomNumber (action path, app jar)', 'req/s', f(api), 'Tether JSTP echo method',
      f(get(pin, 'tether', 'jstp-50x16', 'rps')), '', 'info', '');
  }
  const cpu = (srv, load) => `${f(get(pin, srv, load, 'serverCpu'))}/${f(get(pin, srv, load, 'selfCpu'))}`;
  console.log(`\n### ${pin} (server${pin === 'pinned' ? ' on core 0, generator on core 1' : 's and generator unpinned'})\n`);
  console.log('| load | metric | Tether | peer | peer value | Tether/peer | target | met |');
  console.log('|---|---|---|---|---|---|---|---|');
  out.forEach((l) => console.log(l));
  console.log(`\nCPU % server/generator at 50×16 (100 = one core): Tether socket ${cpu('tether', 'socket-50x16')}, `
    + `actionhero ${cpu('actionhero', 'socket-50x16')}, Tether JSTP ${cpu('tether', 'jstp-50x16')}, `
    + `@metarhia/jstp ${cpu('metarhia-jstp', 'jstp-50x16')}, redis ${cpu('redis', 'redis-50x16')}. `
    + `Failures: ${rows.filter((x) => x.pin === pin).reduce((a, x) => a + x.failures, 0)}; `
    + `load average during runs ${f(Math.min(...rows.map((x) => x.loadavg ?? Infinity)), 1)}–`
    + `${f(Math.max(...rows.map((x) => x.loadavg ?? -Infinity)), 1)}.`);
}

for (const pin of [...new Set(rows.map((x) => x.pin))]) table(pin);
