import type { CommandSpec } from '../model.js';
import { HEADER, caseLookups, pathEntries, shq } from './data.js';

const describeItem = (name: string, description: string) => shq(`${name.replace(/:/g, '\\:')}${description ? `:${description}` : ''}`);

/**
 * Zsh: the same walk as bash over baked data, with descriptions through
 * `_describe`; only ids and profile names run `qarnot __complete`.
 */
export function zshScript(root: CommandSpec): string {
  const entries = pathEntries(root);
  const nodes = entries.map(({ key, command }) => {
    const subs = command.commands.map((c) => describeItem(c.name, c.summary));
    const opts = command.options.flatMap((o) => o.names.map((n) => describeItem(n, o.description)));
    const valopts = command.options.filter((o) => o.takesValue).flatMap((o) => o.names.map(shq));
    return [
      `    (${shq(key)})`,
      `      subs=(${subs.join(' ')})`,
      `      opts=(${opts.join(' ')})`,
      `      valopts=(${valopts.join(' ')}) ;;`,
    ].join('\n');
  });
  return `#compdef qarnot
${HEADER('zsh')}# Install: source <(qarnot completion zsh) in ~/.zshrc after compinit, or save it
# as _qarnot in a directory of your $fpath.

__qarnot_node() {
  subs=() opts=() valopts=()
  case $1 in
${nodes.join('\n')}
  esac
}

${caseLookups(entries, (p) => `(${p})`)}

_qarnot() {
  local -a typed subs opts valopts vals items folders
  typed=("\${(@Q)words[2,CURRENT-1]}")
  local cur=\${(Q)words[CURRENT]} cpath='' pending='' w REPLY kind optpfx='' out c d
  integer operands=0 dashes=0
  for w in "\${typed[@]}"; do
    if [[ -n $pending ]]; then pending=''; continue; fi
    if (( ! dashes )) && [[ $w == -- ]]; then dashes=1; continue; fi
    if (( ! dashes )) && [[ $w == -?* ]]; then
      [[ $w == *=* ]] && continue
      __qarnot_node "$cpath"
      (( \${valopts[(Ie)$w]} )) && pending=$w
      continue
    fi
    if (( operands == 0 )) && __qarnot_sub "$cpath" "$w"; then
      cpath=\${cpath:+$cpath }$REPLY
    else
      (( operands++ ))
    fi
  done
  __qarnot_node "$cpath"
  if [[ -n $pending ]]; then
    __qarnot_optkind "$cpath" "$pending"; kind=$REPLY
  elif (( ! dashes )) && [[ $cur == --*=* ]]; then
    __qarnot_optkind "$cpath" "\${cur%%=*}"; kind=$REPLY
    optpfx=\${cur%%=*}=
    compset -P '*='
  elif (( ! dashes )) && [[ $cur == -* ]]; then
    _describe -t options 'option' opts; return
  elif (( $#subs && operands == 0 )); then
    _describe -t commands 'qarnot command' subs; return
  else
    __qarnot_argkind "$cpath" "$operands"; kind=$REPLY
  fi
  case $kind in
    (w:*) vals=(\${=kind#w:}); _describe -t values 'value' vals ;;
    (f) _files ;;
    (d) _files -/ ;;
    (@*)
      out=$(qarnot __complete -- "\${(@Q)words[2,CURRENT]}" 2>/dev/null)
      for c in "\${(@f)out}"; do
        [[ -z $c || $c == :* ]] && continue
        if [[ $c == *$'\\t'* ]]; then d=\${c#*$'\\t'}; c=\${c%%$'\\t'*}; else d=''; fi
        c=\${c#$optpfx}
        # A folder ("bucket/dir/") goes on being typed: no space after it.
        if [[ $c == */ ]]; then folders+=("\${c//:/\\\\:}\${d:+:$d}"); else items+=("\${c//:/\\\\:}\${d:+:$d}"); fi
      done
      (( $#items + $#folders )) && _describe -t values "\${kind#@}" items -- folders -S ''
      ;;
  esac
}

if [[ \${funcstack[1]} == _qarnot ]]; then
  _qarnot "$@"
else
  compdef _qarnot qarnot
fi
`;
}
