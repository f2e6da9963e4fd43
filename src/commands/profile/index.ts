import type { Command } from 'commander';
import { noun, verb } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

export function registerProfile(program: Command): void {
  const profile = noun(program, 'profile', TOP_LEVEL.profile, ['qarnot profile list']);
  verb(profile, 'list', {
    summary: 'List the profiles your account can use',
    examples: ['qarnot profile list', 'qarnot profile list -q'],
    load: () => import('./list.js'),
  }).alias('ls');
  verb(profile, 'show <name>', {
    summary: "Show a profile's constants and licenses",
    examples: ['qarnot profile show docker-batch', 'qarnot profile show docker-batch --json'],
    load: () => import('./show.js'),
  }).alias('get');
}
