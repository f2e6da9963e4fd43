import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { examplesOf } from '../../src/commands/define.js';
import { buildProgram } from '../../src/program.js';

/** Splits a command line the way a POSIX shell would, for the simple lines used in examples. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      current += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      let j = i + 1;
      for (; line[j] !== '"'; j++) current += line[j] === '\\' ? line[++j] : line[j];
      i = j;
      inWord = true;
    } else if (ch === '\\') {
      current += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  // Redirections belong to the shell, not to qarnot.
  const result: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '<' || words[i] === '>' || words[i] === '|') break;
    result.push(words[i]!);
  }
  return result;
}

function allCommands(root: Command): Command[] {
  return root.commands.flatMap((c) => [c, ...allCommands(c)]);
}

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** A program whose every action only records which command ran. */
async function dryProgram(): Promise<{ program: Command; ran: string[] }> {
  const ran: string[] = [];
  const program = await buildProgram({ writeOut: () => {}, writeErr: () => {} });
  for (const command of allCommands(program)) {
    if (command.commands.length === 0) command.action(() => void ran.push(pathOf(command)));
  }
  return { program, ran };
}

const fullTree = await buildProgram();

describe('help', () => {
  const commands = allCommands(fullTree).filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);

  it('gives every command a description and at least one example', () => {
    for (const command of commands) {
      expect(command.description(), pathOf(command)).not.toBe('');
      expect(examplesOf(command).length, `examples of "${pathOf(command)}"`).toBeGreaterThan(0);
    }
  });

  it('parses every example shown in help with the real parser', async () => {
    let checked = 0;
    for (const command of commands) {
      for (const example of examplesOf(command)) {
        const words = shellWords(example);
        expect(words[0], example).toBe('qarnot');
        const { program, ran } = await dryProgram();
        await expect(program.parseAsync(['node', ...words]), example).resolves.toBeDefined();
        // Examples of a noun may run any of its verbs; a verb's examples run that verb.
        const expected = pathOf(command);
        expect(ran.length, example).toBe(1);
        expect(ran[0]!.startsWith(expected), `${example} ran "${ran[0]}"`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("shows each command's examples in its help, declared as for a real command line (lazy tree)", async () => {
    for (const command of commands) {
      const words = pathOf(command).split(' ');
      let out = '';
      const program = await buildProgram({ writeOut: (text) => void (out += text), writeErr: () => {} }, [...words, '--help']);
      await program.parseAsync(['node', 'qarnot', ...words, '--help']).catch(() => undefined);
      expect(out, pathOf(command)).toContain('Examples:');
      // Long examples continue on indented lines after a shell backslash.
      const joined = out.replace(/ \\\n +/g, ' ');
      for (const example of examplesOf(command)) expect(joined, pathOf(command)).toContain(`$ ${example}`);
    }
  });

  it('splits shell words like a shell', () => {
    expect(shellWords(`qarnot task run -c DOCKER_CMD='echo $X' --name "a \\"b\\"" < in.txt`)).toEqual(['qarnot', 'task', 'run', '-c', 'DOCKER_CMD=echo $X', '--name', 'a "b"']);
  });
});

describe('lazy command tree', () => {
  it('finds the top-level command after program options', async () => {
    const { firstOperand } = await import('../../src/program.js');
    expect(firstOperand(['task', 'list'])).toBe('task');
    expect(firstOperand(['--profile', 'task', 'pool', 'list'])).toBe('pool');
    expect(firstOperand(['--json', '--format=json', 'job'])).toBe('job');
    expect(firstOperand(['--help'])).toBeUndefined();
    expect(firstOperand(undefined)).toBeUndefined();
  });

  it('declares only the named command in full, with the same summaries as the full tree', async () => {
    const full = await buildProgram();
    const summaries = (p: Command) => p.commands.map((c) => `${c.name()}: ${c.summary()}`);
    for (const command of full.commands) {
      const partial = await buildProgram({}, [command.name()]);
      expect(summaries(partial).filter((s) => !s.startsWith('__complete'))).toEqual(summaries(full).filter((s) => !s.startsWith('__complete')));
      const named = partial.commands.find((c) => c.name() === command.name())!;
      expect(allCommands(named).length, command.name()).toBe(allCommands(command).length);
    }
    const help = await buildProgram({}, ['--help']);
    expect(help.commands.every((c) => c.name() === 'help' || c.commands.length === 0)).toBe(true);
  });
});

describe('help at 80 columns', () => {
  /** The help of a command as printed for a terminal of `width` columns. */
  function render(command: Command, width: number): string {
    let text = '';
    for (let c: Command | null = command; c; c = c.parent) c.configureOutput({ writeOut: (s) => void (text += s), getOutHelpWidth: () => width });
    command.outputHelp();
    return text;
  }

  it('renders every command without a line that wraps without indentation', () => {
    const program = fullTree;
    const problems: string[] = [];
    for (const command of [program, ...allCommands(program)]) {
      if ((command as unknown as { _hidden?: boolean })._hidden) continue;
      const name = pathOf(command) || 'qarnot';
      const lines = render(command, 80).split('\n');
      lines.forEach((line, i) => {
        // Longer than the terminal: the terminal wraps it to column 0.
        if (line.length > 80) problems.push(`${name}: ${line.length} columns: ${line}`);
        // A line at column 0 right after an indented one is the rest of that one, wrapped
        // without its indentation ("in (a, b), not in" then "(a, b)"), unless it is a heading.
        const previous = lines[i - 1] ?? '';
        if (/^\S/.test(line) && /^\s+\S/.test(previous) && !/^[A-Z][\w ]*:/.test(line)) problems.push(`${name}: wrapped without indentation: ${previous.trim()} / ${line}`);
      });
    }
    expect(problems).toEqual([]);
  });
});
