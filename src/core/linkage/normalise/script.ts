/**
 * N-2 Script detection per token. Latin tokens go to N-4, Arabic-script tokens to N-3, the others to the
 * any-ascii fallback (flagged low-confidence). A token that mixes scripts ("محمدali") is split at each
 * change of script, so every piece gets the right treatment.
 */
export type NameScript = 'latin' | 'arabic' | 'ethiopic' | 'tifinagh' | 'other';

/** Script of one code point, or null for neutral characters (digits, combining marks). */
export function scriptOfCodePoint(cp: number): NameScript | null {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return 'latin';
    return null;
  }
  if (cp >= 0x0300 && cp <= 0x036f) return null; // combining diacritical marks
  if ((cp >= 0x00c0 && cp <= 0x024f) || (cp >= 0x1e00 && cp <= 0x1eff) || (cp >= 0x2c60 && cp <= 0x2c7f) || (cp >= 0xa720 && cp <= 0xa7ff) || (cp >= 0x0250 && cp <= 0x02af) || cp === 0x00aa || cp === 0x00ba || cp === 0x00b5) {
    return 'latin';
  }
  if (cp >= 0x064b && cp <= 0x065f) return null; // harakat attach to whatever precedes
  if (cp === 0x0670) return null;
  if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9)) return 'arabic'; // Arabic-Indic digits: N-3 maps them
  if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x0870 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) {
    return 'arabic';
  }
  if ((cp >= 0x1200 && cp <= 0x139f) || (cp >= 0x2d80 && cp <= 0x2ddf) || (cp >= 0xab00 && cp <= 0xab2f) || (cp >= 0x1e7e0 && cp <= 0x1e7ff)) {
    return 'ethiopic';
  }
  if (cp >= 0x2d30 && cp <= 0x2d7f) return 'tifinagh';
  return 'other';
}

export interface ScriptRun {
  text: string;
  script: NameScript;
}

const ASCII_WORD = /^[a-z0-9]*$/;

/**
 * Splits one token (no spaces) into runs of one script each. Neutral characters join the run they follow
 * (or the next one at the start). A token without any letter counts as Latin (digits only).
 */
export function splitByScript(token: string): ScriptRun[] {
  if (ASCII_WORD.test(token)) return [{ text: token, script: 'latin' }];
  const runs: ScriptRun[] = [];
  let current = '';
  let currentScript: NameScript | null = null;
  for (const char of token) {
    const script = scriptOfCodePoint(char.codePointAt(0) ?? 0);
    if (script === null || script === currentScript || currentScript === null) {
      current += char;
      if (currentScript === null && script !== null) currentScript = script;
      continue;
    }
    runs.push({ text: current, script: currentScript });
    current = char;
    currentScript = script;
  }
  if (current) runs.push({ text: current, script: currentScript ?? 'latin' });
  return runs;
}
