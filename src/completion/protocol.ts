// Cobra's `__complete` output: one `value<TAB>description` line per candidate,
// then `:<directive>`. The scripts ignore stderr; nothing else may reach stdout.
import type { ValueKind } from './model.js';
import type { Candidate, Slot } from './resolve.js';

export const Directive = {
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
  Default: 0,
} as const;

export function directiveFor(slot: Slot): number {
  const value: ValueKind | undefined = slot.type === 'value' ? slot.value : undefined;
  if (value?.type === 'file') return Directive.Default;
  if (value?.type === 'dir') return Directive.FilterDirs;
  // NAME/ and folders go on being typed; a local path (sync) falls back to the shell's files.
  if (value?.type === 'dynamic' && value.resource === 'bucket-location') return Directive.NoSpace;
  return Directive.NoFileComp;
}

const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ').trim();

export function formatCandidates(candidates: Candidate[], directive: number): string {
  const lines = candidates.map((c) => (c.description ? `${clean(c.value)}\t${clean(c.description)}` : clean(c.value)));
  return [...lines, `:${directive}`].join('\n') + '\n';
}
