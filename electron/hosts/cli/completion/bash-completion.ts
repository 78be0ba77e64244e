import { quoted, type CompletionModel } from './completion-model';

/**
 * A bash completion function: it finds the command typed so far (the words that name
 * commands), then offers that command's subcommands and options, an option's values, or files.
 */
export function bashCompletion(model: CompletionModel): string {
  const paths = model.entries.map((entry) => entry.path).filter((path) => path !== '');
  const words = model.entries
    .map((entry) => {
      const offered = [
        ...entry.subcommands.map((sub) => sub.name),
        ...entry.options.map((option) => option.flag),
        '--help',
      ].join(' ');
      return `    ${quoted(entry.path)}) offered=${quoted(offered)} ;;`;
    })
    .join('\n');
  const values = Object.entries(model.values)
    .map(
      ([flag, list]) =>
        `    ${flag}) COMPREPLY=($(compgen -W ${quoted(list.join(' '))} -- "$cur")); return ;;`,
    )
    .join('\n');
  const valued = model.entries
    .flatMap((entry) =>
      entry.options.filter((option) => option.takesValue).map((option) => option.flag),
    )
    .filter(
      (flag, i, all) =>
        all.indexOf(flag) === i && !(flag in model.values) && !model.paths.includes(flag),
    );
  return `# bash completion for s1inv (written by: s1inv completion bash)
_s1inv() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local path="" word next i offered
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ $word == -* ]] && continue
    next="\${path:+$path }$word"
    case "$next" in
      ${paths.map((path) => quoted(path)).join('|')}) path="$next" ;;
    esac
  done
  case "$prev" in
${values}
    ${model.paths.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    ${valued.length > 0 ? valued.join('|') : '--never'}) return ;;
  esac
  case "$path" in
${words}
  esac
  COMPREPLY=($(compgen -W "$offered" -- "$cur"))
}
complete -o default -F _s1inv s1inv
`;
}
