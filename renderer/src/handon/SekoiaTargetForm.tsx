import { useState } from 'react';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ContractError } from '../../../shared/contract/contract';
import type { SekoiaTargetView } from '../../../shared/contract/views';
import { call, useBackend } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';

/** Sekoia.io regions and their API bases (sekoia-asset-api.md). */
const REGIONS = [
  ['https://app.sekoia.io', 'Europe — FRA1 (app.sekoia.io)'],
  ['https://app.fra2.sekoia.io', 'Europe — FRA2'],
  ['https://app.mco1.sekoia.io', 'Europe — MCO1'],
  ['https://app.uae1.sekoia.io', 'Middle East — UAE1'],
  ['https://app.usa1.sekoia.io', 'USA — USA1'],
] as const;

const KNOWN_REGIONS = new Set<string>(REGIONS.map(([url]) => url));

/**
 * A Sekoia target, new or edited: connector UUID, region or base URL, and the API key, which
 * goes straight to the keychain (an edit keeps the stored key unless a new one is given).
 */
export function SekoiaTargetForm({
  editing,
  onAdded,
  onCancel,
}: {
  editing?: SekoiaTargetView;
  /** Saved: the target's name, and whether its stored key was forgotten (it moved origin). */
  onAdded: (name: string, keyDropped: boolean) => void;
  onCancel?: () => void;
}) {
  const api = useBackend();
  const [name, setName] = useState(editing?.name ?? 'sekoia');
  const [connectorUuid, setUuid] = useState(editing?.connectorUuid ?? '');
  const [region, setRegion] = useState<string>(
    editing === undefined
      ? REGIONS[0][0]
      : KNOWN_REGIONS.has(editing.baseUrl)
        ? editing.baseUrl
        : 'custom',
  );
  const [custom, setCustom] = useState(
    editing && !KNOWN_REGIONS.has(editing.baseUrl) ? editing.baseUrl : '',
  );
  const [apiKey, setKey] = useState('');
  const [error, setError] = useState<ContractError>();
  const add = async () => {
    const settings = {
      name: name.trim(),
      connectorUuid: connectorUuid.trim(),
      baseUrl: region === 'custom' ? custom.trim() : region,
      ...(apiKey === '' ? {} : { apiKey }),
    };
    const result = editing
      ? await call(api, 'sekoia.edit', { name: editing.name, changes: settings })
      : await call(api, 'sekoia.add', settings);
    if (!result.ok) return setError(result.error);
    setKey('');
    onAdded(result.value.name, 'keyDropped' in result.value && result.value.keyDropped === true);
  };
  const title = editing ? `Edit the Sekoia target ${editing.name}` : 'New Sekoia.io target';
  return (
    <Stack
      spacing={2}
      component="section"
      aria-label={editing ? 'Edit Sekoia target' : 'New Sekoia target'}
    >
      <Typography variant="subtitle1">{title}</Typography>
      <TextField label="Target name" value={name} onChange={(e) => setName(e.target.value)} />
      <TextField
        label="Asset connector UUID"
        value={connectorUuid}
        onChange={(e) => setUuid(e.target.value)}
      />
      <TextField select label="Region" value={region} onChange={(e) => setRegion(e.target.value)}>
        {REGIONS.map(([url, label]) => (
          <MenuItem key={url} value={url}>
            {label}
          </MenuItem>
        ))}
        <MenuItem value="custom">Other base URL…</MenuItem>
      </TextField>
      {region === 'custom' && (
        <TextField label="Base URL" value={custom} onChange={(e) => setCustom(e.target.value)} />
      )}
      <TextField
        label={editing ? 'New API key (optional)' : 'API key'}
        type="password"
        autoComplete="off"
        value={apiKey}
        onChange={(e) => setKey(e.target.value)}
        helperText={
          editing?.keyStored
            ? 'Leave empty to keep the stored key. Stored only in the OS keychain.'
            : 'Needs the asset-management write permission. Stored only in the OS keychain.'
        }
      />
      <ErrorNotice error={error} />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void add()} disabled={!name || !connectorUuid}>
          Save target
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </Stack>
    </Stack>
  );
}
