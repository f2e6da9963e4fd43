import type { Command } from 'commander';
import { verb } from '../define.js';

/** Top-level read commands about the account and the service. */
export function registerAccountCommands(program: Command): void {
  verb(program, 'account', {
    summary: 'Show your account: email, quotas and what you use of them',
    examples: ['qarnot account', 'qarnot account --json'],
    load: () => import('./account.js'),
  });
  verb(program, 'status', {
    summary: 'Check that the API is reachable and your token valid',
    examples: ['qarnot status', 'qarnot status --json'],
    load: () => import('./status.js'),
  });
  verb(program, 'versions', {
    summary: 'List the API versions and their end of life',
    examples: ['qarnot versions'],
    load: () => import('./versions.js'),
  });
  verb(program, 'settings', {
    summary: "Show the API's public settings (storage URL ...)",
    examples: ['qarnot settings', 'qarnot settings --json'],
    load: () => import('./settings.js'),
  });
}
