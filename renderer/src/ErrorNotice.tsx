import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { ContractError } from '../../shared/contract/contract';
import { nextStepSentence, type NextStep } from '../../shared/errors/next-step';

/** The next steps a screen can take itself, offered as a button beside the sentence. */
export type NextStepActions = Partial<Record<NextStep['action'], (step: NextStep) => void>>;

const BUTTON_LABELS: Partial<Record<NextStep['action'], string>> = {
  set_token: 'Set token',
  test_console: 'Test connection',
  sync: 'Sync now',
  edit_console: 'Edit console',
  resume_push: 'Resume push',
};

/**
 * A backend error as the analyst reads it: what happened, then what to do, in the GUI's words.
 * Where the screen can do the next step itself, the step is a button.
 */
export function ErrorNotice({
  error,
  onClose,
  actions = {},
}: {
  error?: ContractError;
  onClose?: () => void;
  actions?: NextStepActions;
}) {
  if (!error) return null;
  const step = error.nextStep;
  const act = step ? actions[step.action] : undefined;
  return (
    <Alert
      severity="error"
      role="alert"
      {...(onClose ? { onClose } : {})}
      {...(step && act
        ? {
            action: (
              <Button color="inherit" size="small" onClick={() => act(step)}>
                {BUTTON_LABELS[step.action] ?? 'Fix it'}
              </Button>
            ),
          }
        : {})}
      sx={{ my: 1 }}
    >
      {error.message}
      {step && ` ${nextStepSentence(step)}`}
    </Alert>
  );
}
