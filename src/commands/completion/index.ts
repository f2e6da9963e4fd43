import { Argument, Command } from 'commander';
import { verb } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';

const SHELL_NAMES = ['bash', 'zsh', 'fish'];

/** Shell completion (bash, zsh, fish): `completion <shell>` and the hidden `__complete` the scripts call. */
export function registerCompletion(program: Command): void {
  verb(program, 'completion', {
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
    load: () => import('./completion.js'),
  }).addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELL_NAMES));

  // Cobra's protocol: `qarnot __complete -- <words...> <partial>` prints
  // `value<TAB>description` lines and `:<directive>`. Words go after `--` so
  // that options on the line being completed are not parsed as ours.
  const holder = new Command().copyInheritedSettings(program);
  const complete = verb(holder, '__complete', {
    summary: 'Completion candidates for the word being typed (used by the completion scripts)',
    examples: ["qarnot __complete -- task show ''"],
    load: () => import('./complete.js'),
  })
    .argument('[words...]', 'the words after "qarnot", the last one being completed')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments();
  program.addCommand(complete, { hidden: true });
}
