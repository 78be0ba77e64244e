import { quoted, type CompletionEntry, type CompletionModel } from './completion-model';

/**
 * fish completions: one `complete` line per subcommand and option, each guarded by the command
 * words seen so far, so `s1inv export --` and `s1inv config export --` offer their own options.
 */
export function fishCompletion(model: CompletionModel): string {
  const groups = model.entries.filter((entry) => entry.path !== '' && entry.subcommands.length > 0);
  const guard = (entry: CompletionEntry): string => {
    if (entry.path === '') return '__fish_use_subcommand';
    const words = entry.path.split(' ');
    const seen = words.map((word) => `__fish_seen_subcommand_from ${word}`);
    // A top-level command named like a group's subcommand (export, config export): not in the group.
    const outside =
      words.length === 1
        ? groups
            .filter((group) => group.subcommands.some((sub) => sub.name === words[0]))
            .map((group) => `not __fish_seen_subcommand_from ${group.path}`)
        : [];
    return [...seen, ...outside].join('; and ');
  };
  const lines = model.entries.flatMap((entry) => {
    const condition = guard(entry);
    const below = entry.subcommands.map((sub) => sub.name).join(' ');
    const subcommands = entry.subcommands.map(
      (sub) =>
        `complete -c s1inv -n ${quoted(entry.path === '' ? condition : `${condition}; and not __fish_seen_subcommand_from ${below}`)} -f -a ${quoted(sub.name)} -d ${quoted(sub.description)}`,
    );
    const options = entry.options.map((option) => {
      const name = option.flag.replace(/^--/, '');
      const list = model.values[option.flag];
      const value = list
        ? ` -x -a ${quoted(list.join(' '))}`
        : model.paths.includes(option.flag)
          ? ' -r -F'
          : option.takesValue
            ? ' -x'
            : '';
      return `complete -c s1inv -n ${quoted(entry.path === '' ? 'true' : condition)} -l ${name}${value} -d ${quoted(option.description)}`;
    });
    return [...subcommands, ...options];
  });
  return `# fish completion for s1inv (written by: s1inv completion fish)
complete -c s1inv -f
${lines.join('\n')}
`;
}
