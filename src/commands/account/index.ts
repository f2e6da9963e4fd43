import type { Command } from 'commander';
import { addVerbs, defineVerb } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

/** Top-level read commands about the account and the service. */
export function registerAccountCommands(program: Command): void {
  addVerbs(program, [
    defineVerb({ name: 'account', summary: TOP_LEVEL.account, examples: ['qarnot account', 'qarnot account --json'], load: () => import('./account.js') }),
    defineVerb({ name: 'status', summary: TOP_LEVEL.status, examples: ['qarnot status', 'qarnot status --json'], load: () => import('./status.js') }),
    defineVerb({ name: 'versions', summary: TOP_LEVEL.versions, examples: ['qarnot versions'], load: () => import('./versions.js') }),
    defineVerb({ name: 'settings', summary: TOP_LEVEL.settings, examples: ['qarnot settings', 'qarnot settings --json'], load: () => import('./settings.js') }),
  ]);
}
