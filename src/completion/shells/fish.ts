import type { CommandSpec } from '../model.js';
import { fishq, HEADER, kindCode, ownOptions, pathEntries } from './data.js';

const item = (name: string, description: string) => fishq(description ? `${name}\t${description}` : name);

/**
 * Fish: one function walks the line over baked data and prints
 * `value<TAB>description` lines; fish filters and shows them. Only ids and
 * profile names run `qarnot __complete`.
 */
export function fishScript(root: CommandSpec): string {
  const entries = pathEntries(root);
  const nodes = entries.map(({ key, command }) => {
    const subs = command.commands.map((c) => item(c.name, c.summary));
    const opts = command.options.flatMap((o) => o.names.map((n) => item(n, o.description)));
    const valopts = command.options.filter((o) => o.takesValue).flatMap((o) => o.names.map((n) => fishq(n)));
    return [
      `        case ${fishq(key)}`,
      `            set -g __qarnot_subs ${subs.join(' ')}`,
      `            set -g __qarnot_opts ${opts.join(' ')}`,
      `            set -g __qarnot_valopts ${valopts.join(' ')}`,
    ].join('\n');
  });
  const subs = entries.flatMap(({ key, command }) =>
    command.commands.map((c) => `        case ${[c.name, ...c.aliases].map((n) => fishq(`${key}|${n}`)).join(' ')}\n            echo ${fishq(c.name)}`),
  );
  const specific: string[] = [];
  const globals: string[] = [];
  for (const { key, command } of entries) {
    for (const o of ownOptions(command).filter((o) => o.takesValue && kindCode(o.value))) {
      const patterns = o.names.map((n) => fishq(key === '' ? `*|${n}` : `${key}|${n}`));
      (key === '' ? globals : specific).push(`        case ${patterns.join(' ')}\n            echo ${fishq(kindCode(o.value))}`);
    }
  }
  const argKinds = entries.flatMap(({ key, command }) =>
    command.args.flatMap((a, i) => {
      const code = kindCode(a.value);
      if (!code) return [];
      const index = fishq(a.variadic ? `${key}|*` : `${key}|${i}`);
      return [`        case ${index}\n            echo ${fishq(code)}`];
    }),
  );
  return `${HEADER('fish')}# Install: qarnot completion fish > ~/.config/fish/completions/qarnot.fish

function __qarnot_node
    set -g __qarnot_subs
    set -g __qarnot_opts
    set -g __qarnot_valopts
    switch $argv[1]
${nodes.join('\n')}
    end
end

function __qarnot_sub
    switch "$argv[1]|$argv[2]"
${subs.join('\n')}
        case '*'
            return 1
    end
end

function __qarnot_optkind
    switch "$argv[1]|$argv[2]"
${[...specific, ...globals].join('\n')}
    end
end

function __qarnot_argkind
    switch "$argv[1]|$argv[2]"
${argKinds.join('\n')}
    end
end

function __qarnot_complete
    set -l typed (commandline -opc)
    set -e typed[1]
    set -l cur (commandline -ct | string unescape)
    set -l cpath ''
    set -l pending ''
    set -l operands 0
    set -l dashes 0
    for w in $typed
        if test -n "$pending"
            set pending ''
            continue
        end
        if test $dashes = 0; and test "$w" = '--'
            set dashes 1
            continue
        end
        if test $dashes = 0; and string match -qr -- '^-.' $w
            string match -q -- '*=*' $w; and continue
            __qarnot_node $cpath
            contains -- $w $__qarnot_valopts; and set pending $w
            continue
        end
        set -l sub
        if test $operands = 0; and set sub (__qarnot_sub $cpath $w)
            set cpath (string trim -- "$cpath $sub")
        else
            set operands (math $operands + 1)
        end
    end
    __qarnot_node $cpath
    set -l kind
    set -l optpfx ''
    if test -n "$pending"
        set kind (__qarnot_optkind $cpath $pending)
    else if test $dashes = 0; and string match -qr -- '^--[^=]+=' $cur
        set optpfx (string replace -r -- '=.*' '=' $cur)
        set kind (__qarnot_optkind $cpath (string replace -- '=' '' $optpfx))
        set cur (string replace -- $optpfx '' $cur)
    else if test $dashes = 0; and string match -q -- '-*' $cur
        printf '%s\\n' $__qarnot_opts
        return
    else if set -q __qarnot_subs[1]; and test $operands = 0
        printf '%s\\n' $__qarnot_subs
        return
    else
        set kind (__qarnot_argkind $cpath $operands)
    end
    switch "$kind"
        case 'w:*'
            for v in (string split ' ' -- (string sub -s 3 -- $kind))
                echo $optpfx$v
            end
        case f
            __fish_complete_path $cur | string replace -r -- '^' $optpfx
        case d
            __fish_complete_directories $cur '' | string replace -r -- '^' $optpfx
        case '@*'
            # As typed, the word keeps its quotes and backslashes ('my\\ file'): unescape it, as -o does the others.
            qarnot __complete -- $typed (commandline -ct | string unescape) 2>/dev/null | string match -v -- ':*'
    end
end

complete -c qarnot -e
complete -c qarnot -f -a '(__qarnot_complete)'
`;
}
