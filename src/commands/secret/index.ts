import type { Command } from 'commander';
import { defineVerb, noun } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

export function registerSecret(program: Command): void {
  noun(program, {
    name: 'secret',
    summary: TOP_LEVEL.secret,
    examples: ['qarnot secret list', 'qarnot secret set db/password', 'qarnot secret get db/password'],
    verbs: [
      defineVerb({
        name: 'list [prefix]',
        aliases: ['ls'],
        summary: 'List secret keys under a prefix (folders end with "/"; -r for every key below)',
        examples: ['qarnot secret list', 'qarnot secret list db', 'qarnot secret list db -r --json'],
        options: (cmd) => cmd.option('-r, --recursive', 'every key below the prefix, folders walked'),
        load: () => import('./list.js'),
      }),
      defineVerb({
        name: 'get <key>',
        summary: "Print a secret's value on stdout",
        examples: ['qarnot secret get db/password', 'qarnot secret get db/password --json'],
        load: () => import('./get.js'),
      }),
      defineVerb({
        name: 'set <key>',
        summary: 'Create or update a secret; the value comes from stdin or a hidden prompt, never the command line',
        description: `Create the secret, or replace its value. The value is read from stdin when it
is not a terminal (one final newline is dropped), else from a hidden prompt (one
line): it is never taken from the command line, where shell history and ps would
see it. A value of several lines (a key file) comes from stdin:
  printf %s "$TOKEN" | qarnot secret set ci/token
  qarnot secret set tls/key < server.key

--no-overwrite refuses to change an existing secret (exit 1).
Instances of tasks and pools created with --secret KEY or --secret-prefix P get
the secrets in their environment.`,
        examples: ['qarnot secret set db/password', 'qarnot secret set tls/key < server.key', 'qarnot secret set ci/token --no-overwrite'],
        writes: true,
        options: (cmd) => cmd.option('--no-overwrite', 'fail if the secret exists instead of replacing its value'),
        load: () => import('./set.js'),
      }),
      defineVerb({
        name: 'delete <keys...>',
        aliases: ['rm'],
        summary: 'Delete secrets (asks first)',
        examples: ['qarnot secret delete db/password', 'qarnot secret delete ci/token --yes'],
        writes: true,
        options: (cmd) => cmd.option('-y, --yes', 'delete without asking (required when not on a terminal)').option('--dry-run', 'list what would be deleted; delete nothing'),
        load: () => import('./delete.js'),
      }),
    ],
  });
}
