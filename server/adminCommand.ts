import { createInterface } from 'node:readline';
import { passwordSchema, usernameSchema } from '../src/protocol';
import { readConfig } from './config';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { createSystemAdmin, resetPasswordByCommand } from './services/systemAdmins';

const USAGE = `Usage:
  npm run admin -- create <username>   make a system administrator (the first one, or another)
  npm run admin -- reset <username>    set a new password on an account (signs it out everywhere)
The password is asked for (hidden), or read from the first line of standard input.
The database is the server's own: DATABASE_URL when set, else PGlite in DATA_DIR.`;

/** Reads one line without showing it, from a terminal. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  let typed = '';
  return new Promise((done, fail) => {
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const key of chunk) {
        if (key === '\r' || key === '\n') {
          finish();
          return done(typed);
        }
        if (key === '\u0003') {
          finish();
          return fail(new Error('Cancelled'));
        }
        typed = key === '\u007f' || key === '\b' ? typed.slice(0, -1) : typed + key;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of standard input (a pipe or a file). */
async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const password = await askHidden('New password (at least 8 characters): ');
  const again = await askHidden('The same password again: ');
  if (password !== again) throw new Error('The two passwords differ: nothing was changed.');
  return password;
}

async function main(): Promise<void> {
  const [command, username, ...rest] = process.argv.slice(2);
  if ((command !== 'create' && command !== 'reset') || !username || rest.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const name = usernameSchema.safeParse(username);
  if (!name.success) throw new Error(`Username: ${name.error.issues[0]!.message}.`);
  // Usernames are kept in lower case, as sign-up keeps them.
  const login = name.data.toLowerCase();
  const password = passwordSchema.safeParse(await readPassword());
  if (!password.success) throw new Error(`Password: ${password.error.issues[0]!.message}.`);

  const config = readConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrate(db);
    const outcome =
      command === 'create'
        ? await createSystemAdmin(db, login, password.data)
        : await resetPasswordByCommand(db, login, password.data);
    if (!outcome.ok) throw new Error(outcome.reason);
    console.log(
      command === 'create'
        ? `System administrator ${login} created: sign in with it in the app.`
        : `New password set for ${login}; its old sessions are signed out.`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
