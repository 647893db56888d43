import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RULE = 'i18next/no-literal-string';

async function uiStringProblems(source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: `${ROOT}src/web/components/Probe.tsx` });
  return result!.messages.filter((message) => message.ruleId === RULE).map((message) => source.split('\n')[message.line - 1]!.trim());
}

describe('the lint rule against literal UI strings', () => {
  it('rejects literal text in JSX and in the attributes people read or hear', async () => {
    const problems = await uiStringProblems(
      [
        "import { useTranslation } from 'react-i18next';",
        'export function Probe() {',
        '  return (',
        '    <section>',
        '      <h1>Welcome</h1>',
        "      <input aria-label=\"Search people\" placeholder={'Name'} />",
        '      <img alt="Logo" src="/favicon.svg" />',
        '    </section>',
        '  );',
        '}',
      ].join('\n'),
    );
    expect(problems).toEqual(['<h1>Welcome</h1>', "<input aria-label=\"Search people\" placeholder={'Name'} />", "<input aria-label=\"Search people\" placeholder={'Name'} />", '<img alt="Logo" src="/favicon.svg" />']);
  }, 60_000);

  it('accepts translated text, and attributes that are not UI text', async () => {
    const problems = await uiStringProblems(
      [
        "import { useTranslation } from 'react-i18next';",
        'export function Probe() {',
        '  const { t } = useTranslation();',
        '  return (',
        '    <section className="probe" data-testid="probe">',
        "      <h1>{t('home.title')}</h1>",
        "      <input aria-label={t('nav.label')} type=\"search\" autoComplete=\"off\" />",
        '    </section>',
        '  );',
        '}',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
