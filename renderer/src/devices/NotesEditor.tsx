import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ContractError } from '../../../shared/contract/contract';
import {
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  TRIAGE_STATES,
  type DeviceNotes,
  type TriageState,
} from '../../../shared/devices/device-notes';
import { call, useBackend } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';

const TRIAGE_LABELS: Record<TriageState, string> = {
  unreviewed: 'Unreviewed',
  reviewed: 'Reviewed',
  'needs action': 'Needs action',
};

/**
 * The analyst's notes on one device: a triage state, tags and a short note, kept in this app
 * only (never sent to the console), searchable as triage:, tag: and note: in the query bar.
 */
export function NotesEditor({
  console: consoleName,
  agentId,
  saved,
}: {
  console: string;
  agentId: string;
  saved: DeviceNotes;
}) {
  const backend = useBackend();
  const [notes, setNotes] = useState(saved);
  const [stored, setStored] = useState(saved);
  const [error, setError] = useState<ContractError>();
  const [status, setStatus] = useState('');
  const changed = JSON.stringify(notes) !== JSON.stringify(stored);
  const save = async () => {
    const result = await call(backend, 'devices.setNotes', {
      console: consoleName,
      agentId,
      notes,
    });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setStored(result.value);
    setNotes(result.value);
    setStatus('Saved. The grid shows it from its next query.');
  };
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mt: 1 }} role="region" aria-label="Your notes">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" component="h4">
          Your notes
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={notes.triage}
          onChange={(_e, triage: TriageState | null) => triage && setNotes({ ...notes, triage })}
          aria-label="Triage"
        >
          {TRIAGE_STATES.map((state) => (
            <ToggleButton key={state} value={state}>
              {TRIAGE_LABELS[state]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Autocomplete<string, true, false, true>
          multiple
          freeSolo
          options={[]}
          value={notes.tags}
          onChange={(_e, tags) =>
            setNotes({
              ...notes,
              tags: [
                ...new Set(tags.map((t) => t.trim().slice(0, MAX_TAG_LENGTH)).filter(Boolean)),
              ].slice(0, MAX_TAGS),
            })
          }
          renderValue={(tags, getItemProps) =>
            tags.map((tag, index) => {
              const { key, ...props } = getItemProps({ index });
              return <Chip key={key} size="small" label={tag} {...props} />;
            })
          }
          renderInput={(params) => (
            <TextField {...params} size="small" label="Tags" placeholder="Type a tag, then Enter" />
          )}
          sx={{ minWidth: 260, flexGrow: 1 }}
        />
      </Stack>
      <TextField
        label="Note"
        multiline
        minRows={2}
        fullWidth
        size="small"
        value={notes.note}
        onChange={(e) => setNotes({ ...notes, note: e.target.value.slice(0, MAX_NOTE_LENGTH) })}
        helperText={`Kept on this computer, never sent to the console. ${notes.note.length}/${MAX_NOTE_LENGTH}`}
        sx={{ mt: 1.5 }}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
        <Button variant="contained" size="small" disabled={!changed} onClick={() => void save()}>
          Save notes
        </Button>
        <Typography variant="body2" color="text.secondary" role="status">
          {changed ? '' : status}
        </Typography>
      </Stack>
      <ErrorNotice error={error} />
    </Paper>
  );
}
