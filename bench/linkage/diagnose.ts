import { linkRecords } from '../../src/core/linkage/engine/link-records.ts';
import { clusterPairs } from '../../src/core/linkage/model/cluster.ts';
import { pairwiseQuality } from './evaluate.ts';
import { generateMigrantRecords, migrantRowToRawRecord } from './migrant/generate-migrant.ts';

/** Error analysis: prints false merges and missed pairs of one generated seed with their comparison vectors. */
const seed = Number(process.argv[2] ?? 20240401);
const threshold = Number(process.argv[3] ?? 0.995);
const show = Number(process.argv[4] ?? 40);
const rows = generateMigrantRecords({ seed, records: 2000 }).rows;
const result = linkRecords(rows.map(migrantRowToRawRecord), { threshold, reference: new Date('2026-01-01') });
const q = pairwiseQuality(result, rows.map((r) => r.entity_id));
console.log(q);
const fmt = (i: number) => { const r = rows[i]!; return `${r.given} | ${r.family} | ${r.dob} | ${r.sex} | ${r.phone} | ${r.nationality} [${r.perturbations}] ${r.negative_group}`; };
const scored = new Map<string, (typeof result.pairs)[number]>();
for (const p of result.pairs) scored.set(`${p.a}:${p.b}`, p);
const vec = (a: number, b: number) => { const p = scored.get(`${Math.min(a, b)}:${Math.max(a, b)}`); return p ? `${p.probability.toFixed(4)} [${[...p.vector].join(',')}]` : 'not blocked'; };
let fp = 0;
for (const [a, b] of clusterPairs(result.clusterIds)) {
  if (rows[a]!.entity_id === rows[b]!.entity_id) continue;
  if (fp++ < show) console.log(`FP ${vec(a, b)}\n   ${fmt(a)}\n   ${fmt(b)}`);
}
const byEntity = new Map<string, number[]>();
rows.forEach((r, i) => byEntity.set(r.entity_id, [...(byEntity.get(r.entity_id) ?? []), i]));
let fn = 0;
const fnKinds: Record<string, number> = {};
for (const members of byEntity.values()) for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) {
  const a = members[i]!; const b = members[j]!;
  if (result.clusterIds[a] === result.clusterIds[b]) continue;
  const v = vec(a, b);
  fnKinds[v === 'not blocked' ? 'unblocked' : 'scored'] = (fnKinds[v === 'not blocked' ? 'unblocked' : 'scored'] ?? 0) + 1;
  if (fn++ < show) console.log(`FN ${v}\n   ${fmt(a)}\n   ${fmt(b)}`);
}
console.log({ fp, fn, fnKinds, m: result.params.m.map((l) => l.map((x) => x.toFixed(3)).join(' ')), u: result.params.u.map((l) => l.map((x) => x.toFixed(4)).join(' ')), lambda: result.params.lambda });
// Oracle: m from labels over blocked pairs (what EM should find), for comparison.
const counts = result.params.specs.map((s) => new Array<number>(s.levels.length).fill(0));
for (const p of result.pairs) if (rows[p.a]!.entity_id === rows[p.b]!.entity_id) p.vector.forEach((l, f) => { if (l) counts[f]![l]!++; });
console.log('oracle m', counts.map((c) => { const t = c.reduce((x, y) => x + y, 0); return c.map((x) => (x / t).toFixed(3)).join(' '); }));
const uc = result.params.specs.map((s) => new Array<number>(s.levels.length).fill(0));
for (const p of result.pairs) if (rows[p.a]!.entity_id !== rows[p.b]!.entity_id) p.vector.forEach((l, f) => { if (l) uc[f]![l]!++; });
console.log('blocked non-match level shares', uc.map((c) => { const t = c.reduce((x, y) => x + y, 0); return c.map((x) => (x / t).toFixed(3)).join(' '); }));
console.log('true lambda among blocked', result.pairs.filter((p) => rows[p.a]!.entity_id === rows[p.b]!.entity_id).length / result.pairs.length);
{
  const { hardNegativeFalseMerges, recallAtPrecision } = await import('./evaluate-more.ts');
  console.log('hard negatives', hardNegativeFalseMerges(result.clusterIds, rows.map((r) => r.entity_id), rows.map((r) => r.negative_group)));
  console.log('recall at precision 0.99', recallAtPrecision(rows.length, result.pairs, rows.map((r) => r.entity_id), 0.99));
}
