import type { Command } from 'commander';
import { setExamples } from '../define.js';
import { TOPICS } from './topics.js';
import { writeFd } from '../../output/stdio.js';

/**
 * `qarnot help [topic|command...]`: the topics below, or the help of a command
 * (`qarnot help task create` is `qarnot task create --help`).
 */
export function registerHelp(program: Command): void {
  program.helpCommand(false);
  const help = program
    .command('help [words...]')
    .summary(`Show help for a command, or a topic: ${Object.keys(TOPICS).join(', ')}`)
    .description(`Show help for a command, or one of these topics: ${Object.keys(TOPICS).join(', ')}`)
    .action((words: string[] = []) => {
      const topic = words.length === 1 ? TOPICS[words[0]!] : undefined;
      if (topic) {
        writeFd(1, topic);
        return;
      }
      let target: Command = program;
      for (const word of words) {
        const next = target.commands.find((c) => c.name() === word || c.aliases().includes(word));
        if (!next) {
          program.error(`error: no command or help topic "${words.join(' ')}"; topics: ${Object.keys(TOPICS).join(', ')}`, { exitCode: 2, code: 'qarnot.unknownHelp' });
        }
        target = next!;
      }
      target.outputHelp();
    });
  setExamples(help, ['qarnot help exit-codes', 'qarnot help environment', 'qarnot help task list']);
}
