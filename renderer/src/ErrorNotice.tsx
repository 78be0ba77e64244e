import Alert from '@mui/material/Alert';
import type { ContractError } from '../../shared/contract/contract';
import { nextStepSentence } from '../../shared/errors/next-step';

/** A backend error as the analyst reads it: the message already says what to do next. */
export function ErrorNotice({ error, onClose }: { error?: ContractError; onClose?: () => void }) {
  if (!error) return null;
  return (
    <Alert severity="error" role="alert" {...(onClose ? { onClose } : {})} sx={{ my: 1 }}>
      {error.message}
      {error.nextStep && ` ${nextStepSentence(error.nextStep)}`}
    </Alert>
  );
}
