import type { Command } from 'commander';
import { noun, verb } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

export const CONFIG_KEYS = ['api-url', 'as', 'storage-url', 'account-email'] as const;

export function registerConfig(program: Command): void {
  verb(program, 'login', {
    summary: TOP_LEVEL.login,
    description:
      'Store an API token in a profile after checking it against the API. On a terminal the token is asked for without echo; in scripts pipe it with --with-token. The token is never accepted as an argument: it would stay in your shell history.',
    examples: ['qarnot login', 'qarnot login --with-token < token.txt', 'qarnot login --profile staging --api-url https://api.qarnot.com --with-token < token.txt'],
    load: () => import('./login.js'),
  })
    .argument('[token]', 'refused: pass the token on stdin with --with-token')
    .option('--with-token', 'read the token from standard input')
    .option('--no-check', 'store the token without checking it against the API');

  verb(program, 'logout', {
    summary: TOP_LEVEL.logout,
    examples: ['qarnot logout', 'qarnot logout --profile staging'],
    load: () => import('./logout.js'),
  });

  const config = noun(program, 'config', TOP_LEVEL.config, ['qarnot config list']);
  verb(config, 'get <key>', {
    summary: `Print a setting of the active profile (${CONFIG_KEYS.join(', ')})`,
    examples: ['qarnot config get api-url', 'qarnot config get api-url --profile staging'],
    load: () => import('./get.js'),
  });
  verb(config, 'set <key> <value>', {
    summary: `Change a setting of the active profile (${CONFIG_KEYS.join(', ')}); use "qarnot login" for the token`,
    examples: ['qarnot config set api-url http://127.0.0.1:8787', 'qarnot config set as team-lead@example.com --profile support'],
    load: () => import('./set.js'),
  });
  verb(config, 'unset <key>', {
    summary: 'Remove a setting from the active profile',
    examples: ['qarnot config unset as'],
    load: () => import('./unset.js'),
  });
  verb(config, 'list', {
    summary: 'Show every profile and its settings (tokens masked)',
    examples: ['qarnot config list', 'qarnot config list --json'],
    load: () => import('./list.js'),
  }).alias('ls');
  verb(config, 'import [file]', {
    summary: "Import an official CLI config (~/.Qarnot/cli.config) or a Python SDK qarnot.conf into a profile",
    examples: ['qarnot config import', 'qarnot config import ./qarnot.conf --profile python'],
    load: () => import('./import.js'),
  });

  const profile = noun(config, 'profile', 'Named profiles: an API URL and a token each', ['qarnot config profile list']);
  verb(profile, 'add <name>', {
    summary: 'Create a profile (then "qarnot login --profile NAME" stores its token)',
    examples: ['qarnot config profile add staging --api-url https://api.qarnot.com', 'qarnot config profile add local --api-url http://127.0.0.1:8787 --use'],
    load: () => import('./profile-add.js'),
  }).option('--use', 'make it the active profile');
  verb(profile, 'use <name>', {
    summary: 'Make a profile the active one',
    examples: ['qarnot config profile use staging'],
    load: () => import('./profile-use.js'),
  });
  verb(profile, 'list', {
    summary: 'List profiles, the active one marked',
    examples: ['qarnot config profile list', 'qarnot config profile list -q'],
    load: () => import('./profile-list.js'),
  }).alias('ls');
  verb(profile, 'remove <name>', {
    summary: 'Delete a profile and its token',
    examples: ['qarnot config profile remove staging'],
    load: () => import('./profile-remove.js'),
  }).alias('rm');
}
