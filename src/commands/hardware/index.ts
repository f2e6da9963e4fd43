import type { Command } from 'commander';
import { defineVerb, noun } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

export function registerHardware(program: Command): void {
  noun(program, {
    name: 'hardware',
    summary: TOP_LEVEL.hardware,
    examples: ['qarnot hardware list'],
    verbs: [
      defineVerb({
        name: 'list',
        aliases: ['ls'],
        summary: 'List every hardware constraint available to you (all pages)',
        examples: ['qarnot hardware list', 'qarnot hardware list --format jsonl'],
        load: () => import('./list.js'),
      }),
      defineVerb({
        name: 'cpu <model>',
        summary: 'Find the CPU-model constraints matching a model name',
        examples: ['qarnot hardware cpu "Ryzen 7"', 'qarnot hardware cpu EPYC --json'],
        load: () => import('./cpu.js'),
      }),
    ],
  });
}
