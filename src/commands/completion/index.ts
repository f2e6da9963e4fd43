import { Argument, Command } from 'commander';
import { addVerbs, defineVerb } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

const SHELL_NAMES = ['bash', 'zsh', 'fish'];

/** Shell completion (bash, zsh, fish): `completion <shell>` and the hidden `__complete` the scripts call. */
export function registerCompletion(program: Command): void {
  const completion = defineVerb({
    name: 'completion',
    summary: TOP_LEVEL.completion,
    description: `Print the shell completion script for bash, zsh or fish.

  bash:  source <(qarnot completion bash)          # in ~/.bashrc
         or: qarnot completion bash > ~/.local/share/bash-completion/completions/qarnot
  zsh:   source <(qarnot completion zsh)           # in ~/.zshrc, after compinit
         or: qarnot completion zsh > "\${fpath[1]}/_qarnot"
  fish:  qarnot completion fish > ~/.config/fish/completions/qarnot.fish

Commands, flags and their values are built into the script; task, pool and job
ids and profile names are asked of the API (cached 30 s, at most half a second).`,
    examples: ['qarnot completion bash', 'qarnot completion zsh', 'qarnot completion fish'],
    options: (cmd) => cmd.addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELL_NAMES)),
    load: () => import('./completion.js'),
  });
  addVerbs(program, [completion]);

  // Cobra's protocol: `qarnot __complete -- <words...> <partial>` prints
  // `value<TAB>description` lines and `:<directive>`. Words go after `--` so
  // that options on the line being completed are not parsed as ours.
  const holder = new Command().copyInheritedSettings(program);
  addVerbs(holder, [
    defineVerb({
      name: '__complete [words...]',
      summary: 'Completion candidates for the word being typed (used by the completion scripts)',
      examples: ["qarnot __complete -- task show ''"],
      options: (cmd) => cmd.helpOption(false).allowUnknownOption().allowExcessArguments(),
      load: () => import('./complete.js'),
    }),
  ]);
  program.addCommand(holder.commands[0]!, { hidden: true });
}
