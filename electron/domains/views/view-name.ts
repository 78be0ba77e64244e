import { InvalidArgumentError } from '../../../shared/errors/app-error';
import { nameProblem } from '../../../shared/names';

/** The most characters a saved view's name may have (the contract's bound). */
export const MAX_VIEW_NAME_LENGTH = 200;

/** Why a saved view's name is refused, by the one rule every name follows; undefined if fine. */
export function viewNameProblem(name: string): string | undefined {
  return nameProblem(name.trim(), 'view', MAX_VIEW_NAME_LENGTH);
}

/** A saved view's name, trimmed and checked. */
export function checkedViewName(name: string): string {
  const problem = viewNameProblem(name);
  if (problem) throw new InvalidArgumentError(problem);
  return name.trim();
}
