import type { Command } from 'commander';
import { verb } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

/** Top-level read commands about the account and the service. */
export function registerAccountCommands(program: Command): void {
  verb(program, 'account [section]', {
    summary: TOP_LEVEL.account,
    description: `${TOP_LEVEL.account}.
With a section, only that part: "quotas" (computing quotas of the user and the
organization: flex, on-demand, reserved; running vs maximum) or "credits" (the
account's remaining credits, in euros).`,
    examples: ['qarnot account', 'qarnot account --json', 'qarnot account quotas', 'qarnot account credits --json'],
    load: () => import('./account.js'),
  });
  verb(program, 'status', {
    summary: TOP_LEVEL.status,
    examples: ['qarnot status', 'qarnot status --json'],
    load: () => import('./status.js'),
  });
  verb(program, 'versions', {
    summary: TOP_LEVEL.versions,
    examples: ['qarnot versions'],
    load: () => import('./versions.js'),
  });
  verb(program, 'settings', {
    summary: TOP_LEVEL.settings,
    examples: ['qarnot settings', 'qarnot settings --json'],
    load: () => import('./settings.js'),
  });
}
