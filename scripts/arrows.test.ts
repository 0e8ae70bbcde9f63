// @vitest-environment node
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { arrowsPlugin, KNOWN_WRONG_WAY } from '../eslint/arrows.js';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** The arrows rule's complaints about one file written at `path`, linted with the project's config. */
async function arrowsProblems(path: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: join(ROOT, path) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'hoc/arrows')
    .map((message) => message.message);
}

describe('the one-way arrows of DESIGN.md, checked by ESLint', () => {
  it.each([
    [
      'a primitive reaching the sync engine',
      'src/ui/Fixture.tsx',
      "import { x } from '../sync/engine';",
    ],
    [
      'the server reaching the build scripts',
      'server/services/fixture.ts',
      "import { compileContent } from '../../scripts/content/compile.ts';",
    ],
    [
      'the server reaching a screen',
      'server/routes/fixture.ts',
      "import { x } from '../../src/features/learn/QuizScreen';",
    ],
    [
      'one feature reaching into another',
      'src/features/learn/Fixture.tsx',
      "import { x } from '../home/HomeScreen';",
    ],
    [
      'the orgs core reaching into one kind',
      'src/features/orgs/fixture.ts',
      "import { x } from './team/team';",
    ],
    [
      'a value of the protocol from a primitive',
      'src/ui/Fixture.tsx',
      "import { courseSchema } from '../protocol';",
    ],
    ['the domain reaching storage', 'src/domain/fixture.ts', "export { db } from '../data/db';"],
    [
      'a service reaching the routes',
      'server/services/fixture.ts',
      "import { sendError } from '../routes/errors';",
    ],
    [
      "one route table reaching another area's",
      'server/routes/fixture.ts',
      "import { authTable } from './auth';",
    ],
  ])('refuses %s', async (_what, path, source) => {
    expect(await arrowsProblems(path, source)).toHaveLength(1);
  });

  it.each([
    [
      'a feature using ui, data, domain and state',
      'src/features/learn/Fixture.tsx',
      "import { a } from '../../ui/Button';\nimport { b } from '../../data/db';\nimport { c } from '../../domain/progress';\nimport { d } from '../../state/session';",
    ],
    [
      'a feature using the orgs core',
      'src/features/account/Fixture.tsx',
      "import { x } from '../orgs/kinds';",
    ],
    [
      'a type-only import of the protocol anywhere',
      'src/ui/Fixture.tsx',
      "import type { Course } from '../protocol';\nimport { type Lesson } from '../protocol';",
    ],
    [
      'the server using protocol and domain',
      'server/services/fixture.ts',
      "import { a } from '../../src/protocol';\nimport { b } from '../../src/domain/progress';",
    ],
    [
      'a route table using the shared pieces and services',
      'server/routes/fixture.ts',
      "import { route } from './table';\nimport { sendError } from './errors';\nimport { audit } from '../services/audit';",
    ],
  ])('allows %s', async (_what, path, source) => {
    expect(await arrowsProblems(path, source)).toEqual([]);
  });

  it('lets pass only wrong-way imports that are still there, so the known list only shrinks', async () => {
    // Only the arrows rule, with nothing let pass.
    const strict = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: tseslint.parser },
        plugins: { hoc: arrowsPlugin },
        rules: { 'hoc/arrows': 'error' },
      },
    });
    const results = await strict.lintFiles(Object.keys(KNOWN_WRONG_WAY));
    for (const [file, targets] of Object.entries(KNOWN_WRONG_WAY)) {
      const messages = results
        .find((result) => result.filePath === join(ROOT, file))!
        .messages.filter((message) => message.ruleId === 'hoc/arrows')
        .map((message) => message.message);
      for (const target of targets) {
        const reached = target.replace(/^src\/features\//, 'features/');
        expect(
          messages.some((message) => message.includes(reached)),
          `${file} no longer reaches ${target}: remove it from KNOWN_WRONG_WAY`,
        ).toBe(true);
      }
    }
  }, 30_000);
});
