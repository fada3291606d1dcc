'use strict';
// Reads results.jsonl written by bench/fanout.sh and prints the fan-out table (markdown): one
// row per (system, nodes, load, rate), the CPU of every process, the bottleneck each row
// points at, and the issue's targets (Tether >= 5x actionhero's delivered messages/s on one
// node and on two; delivery p99 < 10 ms at half of Tether's saturating rate).
const fs = require('fs');

const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const f = (v, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
const ms = (us) => f(us / 1000, us < 10000 ? 2 : 1);

// The process closest to its ceiling: a JVM (Tether) or the generator may use every core, a
// node.js process (actionhero) and Redis one core for their main thread.
function bottleneck(r) {
  const cores = r.cores || 2;
  const candidates = [];
  r.pidNames.forEach((name, i) => {
    const cpu = r.pidCpu[i];
    const redis = name.startsWith('redis'); // 'redis', or 'redis:PORT' for each node of a Redis Cluster
    const ceiling = redis || r.system === 'actionhero' ? 100 : 100 * cores;
    candidates.push({ name: redis ? `Redis${name.slice(5)}` : `${r.system} ${name}`, cpu, share: cpu / ceiling });
  });
  candidates.push({ name: 'generator', cpu: r.selfCpu, share: r.selfCpu / (100 * cores) });
  const total = candidates.reduce((s, c) => s + (c.cpu > 0 ? c.cpu : 0), 0);
  candidates.sort((a, b) => b.share - a.share);
  const top = candidates[0];
  const full = total >= 0.85 * 100 * cores;
  if (r.rate !== 'max') {
    return '(rate-limited)';
  }
  const busy = r.loadavg > 1.5 * cores; // other work on the machine: runnable threads wait for a core
  if (top.share < 0.5 && !full) {
    return busy ? `CPU of the shared machine (load avg ${f(r.loadavg, 1)} on ${cores} cores); top: ${top.name} ${f(top.cpu)} %`
      : `none saturated (top: ${top.name} ${f(top.cpu)} %)`;
  }
  return `${top.name} (${f(top.cpu)} %)${full ? `; all ${cores} cores busy (${f(total)} %)` : ''}`;
}

const out = [];
// deliveries per CPU-second of the system's own processes (its nodes and Redis): on a shared,
// busy machine a process may get less CPU than it wants, and this ratio is what it did with it
const perCpu = (r) => r.rps / (r.pidCpu.reduce((a, b) => a + Math.max(0, b), 0) / 100);
out.push('| system | nodes | load | rate | sent msg/s | delivered msg/s | p50 ms | p99 ms | lost | CPU % per process '
  + '| delivered per CPU-s | generator CPU % | load avg | bottleneck |');
out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const cpus = r.pidNames.map((n, i) => `${n} ${f(r.pidCpu[i])}`).join(', ');
  out.push(`| ${r.system} | ${r.nodeCount} | ${r.load} | ${r.rate === 'max' ? 'max' : `${r.rate === 'half' ? 'half' : `${r.rate} ×`} (${f(r.sendRate)}/s)`} `
    + `| ${f(r.sentRate)} | ${f(r.rps)} | ${ms(r.p50us)} | ${ms(r.p99us)} | ${r.lost} | ${cpus} | ${f(perCpu(r))} `
    + `| ${f(r.selfCpu)} `
    + `| ${f(r.loadavg, 1)} | ${bottleneck(r)}${r.failures > 0 ? ` — ${r.failures} failures: ${r.note}` : ''} |`);
}
out.push('');
const pick = (system, k, load, rate) => rows.find((r) => r.system === system && r.nodeCount === k && r.load === load
  && r.rate === rate);
out.push('| target | load | nodes | Tether | actionhero | ratio | met |');
out.push('|---|---|---|---|---|---|---|');
for (const load of [...new Set(rows.map((r) => r.load))]) {
  for (const k of [1, 2]) {
    const t = pick('tether', k, load, 'max');
    const a = pick('actionhero', k, load, 'max');
    if (t && a) {
      const ratio = t.rps / a.rps;
      out.push(`| delivered msg/s ≥ 5× actionhero | ${load} | ${k} | ${f(t.rps)} | ${f(a.rps)} | ${f(ratio, 1)}× `
        + `| ${ratio >= 5 ? 'yes' : '**no**'} |`);
      const cpuRatio = perCpu(t) / perCpu(a);
      out.push(`| (same, per CPU-second of nodes + Redis) | ${load} | ${k} | ${f(perCpu(t))} | ${f(perCpu(a))} `
        + `| ${f(cpuRatio, 1)}× | ${cpuRatio >= 5 ? 'yes' : '**no**'} |`);
    }
    const h = pick('tether', k, load, 'half');
    if (h) {
      out.push(`| p99 < 10 ms at half rate | ${load} | ${k} | ${ms(h.p99us)} ms | | | ${h.p99us < 10000 ? 'yes' : '**no**'} |`);
    }
  }
}
console.log(out.join('\n'));
