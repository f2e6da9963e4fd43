import type { Command } from 'commander';
import { noun, verb } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

export function registerHardware(program: Command): void {
  const hardware = noun(program, 'hardware', TOP_LEVEL.hardware, ['qarnot hardware list']);
  verb(hardware, 'list', {
    summary: 'List every hardware constraint available to you (all pages)',
    examples: ['qarnot hardware list', 'qarnot hardware list --format jsonl'],
    load: () => import('./list.js'),
  }).alias('ls');
  verb(hardware, 'cpu <model>', {
    summary: 'Find the CPU-model constraints matching a model name',
    examples: ['qarnot hardware cpu "Ryzen 7"', 'qarnot hardware cpu EPYC --json'],
    load: () => import('./cpu.js'),
  });
}
