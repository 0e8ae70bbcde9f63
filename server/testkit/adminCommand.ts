import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs `npm run admin -- <args>` as an operator would (node with tsx, as the script does), the
 * password piped on standard input; on `env`'s DATABASE_URL, else its DATA_DIR.
 */
export function runAdminCommand(
  args: string[],
  env: Record<string, string>,
  input: string,
): Promise<{ code: number | null; output: string }> {
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/adminCommand.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(input);
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}
