import type { CommandSpec } from '../model.js';
import { HEADER, caseLookups, pathEntries, shq } from './data.js';

/**
 * Bash: every static answer (nouns, verbs, flags, enums, files) is baked in and
 * answered by bash itself; only ids and profile names run `qarnot __complete`.
 */
export function bashScript(root: CommandSpec): string {
  const entries = pathEntries(root);
  const nodes = entries.map(({ key, command }) => {
    const subs = command.commands.map((c) => c.name).join(' ');
    const flags = command.options.filter((o) => !o.takesValue).flatMap((o) => o.names).join(' ');
    const valopts = command.options.filter((o) => o.takesValue).flatMap((o) => o.names).join(' ');
    return `    ${shq(key)}) subs=${shq(subs)} flags=${shq(flags)} valopts=${shq(valopts)} ;;`;
  });
  return `${HEADER('bash')}# Install: source <(qarnot completion bash), or save it as
# ~/.local/share/bash-completion/completions/qarnot
# Works with bash 3.2 (macOS) and later.

__qarnot_node() {
  subs='' flags='' valopts=''
  case "$1" in
${nodes.join('\n')}
  esac
}

${caseLookups(entries, (p) => `${p})`)}

_qarnot() {
  local -a words=()
  local i w last join=0
  # Bash splits "--format=json" at the "=": glue it back.
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    last=''; ((\${#words[@]})) && last=\${words[\${#words[@]}-1]}
    if ((join)); then
      words[\${#words[@]}-1]+=$w; join=0
    elif [[ $w == = && \${#words[@]} -gt 0 && $last == --* && $last != *=* ]]; then
      words[\${#words[@]}-1]+='='; join=1
    else
      words+=("$w")
    fi
  done
  ((\${#words[@]})) || words=('')
  local n=$((\${#words[@]} - 1))
  local cur=\${words[n]}
  local path='' pending='' operands=0 dashes=0 subs flags valopts REPLY
  for ((i = 0; i < n; i++)); do
    w=\${words[i]}
    if [[ -n $pending ]]; then pending=''; continue; fi
    if ((!dashes)) && [[ $w == -- ]]; then dashes=1; continue; fi
    if ((!dashes)) && [[ $w == -?* ]]; then
      [[ $w == *=* ]] && continue
      __qarnot_node "$path"
      [[ " $valopts " == *" $w "* ]] && pending=$w
      continue
    fi
    if ((operands == 0)) && __qarnot_sub "$path" "$w"; then
      path=\${path:+$path }$REPLY
    else
      ((operands++))
    fi
  done
  __qarnot_node "$path"
  COMPREPLY=()
  local kind optpfx='' eq c quoted=''
  if [[ -n $pending ]]; then
    __qarnot_optkind "$path" "$pending"; kind=$REPLY
  elif ((!dashes)) && [[ $cur == --*=* ]]; then
    __qarnot_optkind "$path" "\${cur%%=*}"; kind=$REPLY
    optpfx=\${cur%%=*}=; cur=\${cur#*=}
  elif ((!dashes)) && [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags $valopts" -- "$cur")); return 0
  elif [[ -n $subs ]] && ((operands == 0)); then
    COMPREPLY=($(compgen -W "$subs" -- "$cur")); return 0
  else
    __qarnot_argkind "$path" "$operands"; kind=$REPLY
  fi
  # Without "=" in COMP_WORDBREAKS the whole "--opt=value" word is replaced.
  eq=$optpfx; [[ $COMP_WORDBREAKS == *=* ]] && eq=''
  case $kind in
    w:*) COMPREPLY=($(compgen -P "$eq" -W "\${kind#w:}" -- "$cur")) ;;
    f | d)
      # One name a line, not split at spaces ("my spec.json"); -o filenames quotes them.
      compopt -o filenames 2>/dev/null
      while IFS= read -r c; do COMPREPLY+=("$eq$c"); done < <(compgen "-$kind" -- "$cur")
      ;;
    @*)
      # Keys may hold spaces: unescape what is typed, escape what is inserted. A folder
      # ("bucket/dir/") goes on being typed: no space after it.
      # A word opened with a quote: bash inserts inside it, where nothing is escaped.
      [[ $cur == [\\"\\']* ]] && quoted=1
      cur=\${cur//\\\\/}; cur=\${cur#[\\"\\']}; words[n]=\${words[n]//\\\\/}; words[n]=\${words[n]#[\\"\\']}
      while IFS=$'\\t' read -r c _; do
        [[ -z $c || $c == :* ]] && continue
        c=\${c#"$optpfx"}
        [[ $c == "$cur"* ]] || continue
        [[ $c == */ ]] && compopt -o nospace 2>/dev/null
        [[ -n $quoted ]] || printf -v c '%q' "$c"
        COMPREPLY+=("$eq$c")
      done < <(qarnot __complete -- "\${words[@]}" 2>/dev/null)
      ;;
  esac
  return 0
}

complete -F _qarnot qarnot
`;
}
