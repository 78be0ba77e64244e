import { useState } from 'react';
import type { CallResult, ContractError, Envelope } from '../../../shared/contract/contract';
import { initialChoice, scopeOf, type DeviceSelection } from './scope';

/**
 * What the Export and Push dialogs share: the scope choice, the run state, and the outcome of
 * one hand-on call (its result or its named error).
 */
export function useHandOn<K extends 'export.run' | 'push.run'>(selection: DeviceSelection) {
  const [choice, setChoice] = useState(initialChoice(selection));
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<CallResult<K>>();
  const [error, setError] = useState<ContractError>();
  const run = async (
    start: (scope: ReturnType<typeof scopeOf>) => Promise<Envelope<CallResult<K>>>,
  ): Promise<CallResult<K> | undefined> => {
    setRunning(true);
    setError(undefined);
    const outcome = await start(scopeOf(selection, choice));
    setRunning(false);
    if (!outcome.ok) {
      setError(outcome.error);
      return undefined;
    }
    setResult(outcome.value);
    return outcome.value;
  };
  return { choice, setChoice, running, result, error, run };
}
