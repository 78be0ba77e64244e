import { useState } from 'react';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ContractError } from '../../../shared/contract/contract';
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

/** A new Sekoia target: connector UUID, region or base URL, API key straight to the keychain. */
export function SekoiaTargetForm({
  onAdded,
  onCancel,
}: {
  onAdded: (name: string) => void;
  onCancel?: () => void;
}) {
  const api = useBackend();
  const [name, setName] = useState('sekoia');
  const [connectorUuid, setUuid] = useState('');
  const [region, setRegion] = useState<string>(REGIONS[0][0]);
  const [custom, setCustom] = useState('');
  const [apiKey, setKey] = useState('');
  const [error, setError] = useState<ContractError>();
  const add = async () => {
    const result = await call(api, 'sekoia.add', {
      name: name.trim(),
      connectorUuid: connectorUuid.trim(),
      baseUrl: region === 'custom' ? custom.trim() : region,
      ...(apiKey === '' ? {} : { apiKey }),
    });
    if (!result.ok) return setError(result.error);
    setKey('');
    onAdded(result.value.name);
  };
  return (
    <Stack spacing={2} component="section" aria-label="New Sekoia target">
      <Typography variant="subtitle1">New Sekoia.io target</Typography>
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
        label="API key"
        type="password"
        autoComplete="off"
        value={apiKey}
        onChange={(e) => setKey(e.target.value)}
        helperText="Needs the asset-management write permission. Stored only in the OS keychain."
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
