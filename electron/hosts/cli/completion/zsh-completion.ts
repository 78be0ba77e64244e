import { quoted, type CompletionModel } from './completion-model';

/** A zsh completion function (#compdef): the bash one's logic, with descriptions shown. */
export function zshCompletion(model: CompletionModel): string {
  const paths = model.entries.map((entry) => entry.path).filter((path) => path !== '');
  const described = model.entries
    .map((entry) => {
      const items = [
        ...entry.subcommands.map((sub) => `${sub.name}:${sub.description}`),
        ...entry.options.map((option) => `${option.flag}:${option.description}`),
      ].map(quoted);
      return `    ${quoted(entry.path)}) items=(${items.join(' ')}) ;;`;
    })
    .join('\n');
  const values = Object.entries(model.values)
    .map(([flag, list]) => `    ${flag}) compadd -- ${list.map(quoted).join(' ')}; return ;;`)
    .join('\n');
  return `#compdef s1inv
# zsh completion for s1inv (written by: s1inv completion zsh)
_s1inv() {
  local path_so_far="" word next i
  local -a items
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    [[ $word == -* ]] && continue
    next="\${path_so_far:+$path_so_far }$word"
    case "$next" in
      ${paths.map((path) => quoted(path)).join('|')}) path_so_far="$next" ;;
    esac
  done
  case "\${words[CURRENT-1]}" in
${values}
    ${model.paths.join('|')}) _files; return ;;
  esac
  case "$path_so_far" in
${described}
  esac
  _describe -t s1inv 's1inv' items
}
compdef _s1inv s1inv 2>/dev/null || true
`;
}
