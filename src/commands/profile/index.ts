import type { Command } from 'commander';
import { defineVerb, noun } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

export function registerProfile(program: Command): void {
  noun(program, {
    name: 'profile',
    summary: TOP_LEVEL.profile,
    examples: ['qarnot profile list'],
    verbs: [
      defineVerb({
        name: 'list',
        aliases: ['ls'],
        summary: 'List the profiles your account can use',
        examples: ['qarnot profile list', 'qarnot profile list -q'],
        load: () => import('./list.js'),
      }),
      defineVerb({
        name: 'show <name>',
        aliases: ['get'],
        summary: "Show a profile's constants and licenses",
        examples: ['qarnot profile show docker-batch', 'qarnot profile show docker-batch --json'],
        load: () => import('./show.js'),
      }),
    ],
  });
}
