/**
 * Rule ids of NAME-MATCHING.md §5.2. Every normaliser reports the ids of the rules that changed something,
 * so a match can be traced back to the rules that made two spellings equal.
 */
export type NameRuleId = 'N-1' | 'N-2' | 'N-3' | 'N-4' | 'N-5' | 'N-6' | 'N-7' | 'N-8' | 'N-9' | 'N-10';

/** Small helper so each rule records itself once. */
export function addRule(rules: NameRuleId[], id: NameRuleId): void {
  if (!rules.includes(id)) rules.push(id);
}
