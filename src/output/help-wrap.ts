// Help text fitted to the terminal. commander wraps each hand-written line on
// its own, to column 0: a description wrapped by hand at 78 columns leaves an
// orphan word on an 80-column terminal, and an aligned "term   text" row
// continues under the term. Here prose is reflowed and rows keep a hanging
// indent; examples continue with a shell backslash.
import type { Command } from 'commander';

/** A line that ends a sentence or introduces a list: the next line starts a new one. */
const ENDS_LINE = /[.:!?]\)?$/;

/**
 * Wraps help text at `width` columns. Lines starting at column 0 are prose,
 * reflowed into paragraphs (a line ending a sentence is kept as a line end);
 * an indented line keeps its indentation and continues under its text, or
 * under its second column when it is a `term   description` row.
 */
export function wrapHelp(text: string, width: number): string {
  const out: string[] = [];
  let paragraph = '';
  const flush = () => {
    if (paragraph !== '') out.push(...wrapLine(paragraph, width, ''));
    paragraph = '';
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      out.push('');
    } else if (/^\S/.test(line)) {
      paragraph = paragraph === '' ? line.trimEnd() : `${paragraph} ${line.trim()}`;
      if (ENDS_LINE.test(line.trimEnd())) flush();
    } else {
      flush();
      const row = /^(\s*\S.*?\s{2,})\S/.exec(line);
      const hanging = row ? row[1]!.length : /^\s*/.exec(line)![0].length + 2;
      out.push(...wrapLine(line.trimEnd(), width, ' '.repeat(hanging)));
    }
  }
  flush();
  return out.join('\n');
}

/** Greedy word wrap; a word longer than the width stays whole. */
function wrapLine(line: string, width: number, hanging: string): string[] {
  if (line.length <= width) return [line];
  const indent = /^\s*/.exec(line)![0];
  const words = line.slice(indent.length).split(/(\s+)/);
  const lines: string[] = [];
  let current = indent;
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i]!;
    const space = i === 0 ? '' : words[i - 1]!;
    if (current.trim() !== '' && current.length + space.length + word.length > width) {
      lines.push(current);
      current = hanging + word;
    } else {
      current += space + word;
    }
  }
  lines.push(current);
  return lines;
}

/** Example command lines, each continued with ` \` on indented lines when wider than `width`. */
export function formatExamples(examples: readonly string[], width: number): string {
  return examples.map((example) => wrapCommand(`  $ ${example}`, width)).join('\n');
}

/** Splits between shell words only (never inside quotes), with ` \` line continuations. */
function wrapCommand(line: string, width: number): string {
  if (line.length <= width) return line;
  const words = line.match(/(?:[^\s'"]+|'[^']*'|"(?:\\.|[^"\\])*")+/g) ?? [line];
  const lines: string[] = [];
  let current = '  $';
  for (const word of words.slice(1)) {
    // Room for the " \" that ends a continued line.
    if (current.trim() !== '$' && current.length + 1 + word.length + 2 > width) {
      lines.push(`${current} \\`);
      current = `      ${word}`;
    } else {
      current += ` ${word}`;
    }
  }
  lines.push(current);
  return lines.join('\n');
}

/** The help width commander uses for this command (the terminal's, or what a test set). */
export function helpWidthOf(command: Command): number {
  return command.configureOutput().getOutHelpWidth?.() ?? 80;
}

/** Text added after a command's help, wrapped like its description when shown. */
export function wrappedHelpText(text: string): (context: { command: Command }) => string {
  return ({ command }) => wrapHelp(text, helpWidthOf(command));
}
