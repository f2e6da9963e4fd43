import type { Command } from 'commander';
import { addVerbs, defineVerb } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

/** Top-level read commands about the account and the service. */
export function registerAccountCommands(program: Command): void {
  addVerbs(program, [
    defineVerb({
      name: 'account [section]',
      summary: TOP_LEVEL.account,
      description: `${TOP_LEVEL.account}.
With a section, only that part: "quotas" (computing quotas of the user and the
organization: flex, on-demand, reserved; running vs maximum) or "credits" (the
account's remaining credits, in euros).`,
      examples: ['qarnot account', 'qarnot account --json', 'qarnot account quotas', 'qarnot account credits --json'],
      load: () => import('./account.js'),
    }),
    defineVerb({ name: 'status', summary: TOP_LEVEL.status, examples: ['qarnot status', 'qarnot status --json'], load: () => import('./status.js') }),
    defineVerb({ name: 'versions', summary: TOP_LEVEL.versions, examples: ['qarnot versions'], load: () => import('./versions.js') }),
    defineVerb({ name: 'settings', summary: TOP_LEVEL.settings, examples: ['qarnot settings', 'qarnot settings --json'], load: () => import('./settings.js') }),
  ]);
}
