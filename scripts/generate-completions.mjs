// Regenerates completions/qarnot.{bash,zsh,fish} from the built CLI's command
// tree ("qarnot completion <shell>"). Run through "npm run completions", which
// builds first; a unit test fails when the committed files drift from the tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${root}completions`, { recursive: true });
for (const shell of ['bash', 'zsh', 'fish']) {
  const script = execFileSync(process.execPath, [`${root}bin/qarnot.cjs`, 'completion', shell], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  writeFileSync(`${root}completions/qarnot.${shell}`, script);
  process.stdout.write(`completions/qarnot.${shell}\n`);
}
