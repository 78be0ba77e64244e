import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CallResult, ContractError } from '../../../shared/contract/contract';
import type { ConsoleView } from '../../../shared/contract/views';
import { call, useBackend, useEvent, useQuery } from '../backend/BackendContext';
import { ErrorNotice } from '../ErrorNotice';
import { AddConsoleDialog, type ConsoleDraft } from './AddConsoleDialog';
import { ConfigButtons } from './ConfigButtons';
import { ConsoleCard, type ApiProgress } from './ConsoleCard';
import { RemoveConsoleDialog, SetTokenDialog } from './ConsoleActionsDialogs';
import { FirstRun } from './FirstRun';
import { HealthDrawer } from './HealthDrawer';
import { TestResultDialog } from './TestResultDialog';

/** Consoles: setup, test, sync with live progress, health, auto-poll, configuration files. */
export function ConsolesScreen() {
  const api = useBackend();
  const consoles = useQuery('consoles.list', {});
  const info = useQuery('app.info', {});
  const [progress, setProgress] = useState<Record<string, Record<string, ApiProgress>>>({});
  const [adding, setAdding] = useState<Partial<ConsoleDraft>>();
  const [editing, setEditing] = useState<ConsoleView>();
  const [tested, setTested] = useState<{ name: string; report?: CallResult<'consoles.test'> }>();
  const [health, setHealth] = useState<string>();
  const [tokenFor, setTokenFor] = useState<string>();
  const [removing, setRemoving] = useState<string>();
  const [error, setError] = useState<ContractError>();

  useEvent('console.changed', consoles.reload);
  useEvent('sync.finished', (event) => {
    consoles.reload();
    setProgress(({ [event.console]: _done, ...rest }) => rest);
    if (event.state === 'Error' && event.message) {
      setError({
        name: 'SyncFailed',
        code: 'remote_rejected',
        message: `${event.console}: ${event.message}`,
      });
    }
  });
  useEvent('sync.progress', (p) =>
    setProgress((all) => ({ ...all, [p.console]: { ...all[p.console], [p.api]: p } })),
  );

  const act = async (work: Promise<{ ok: boolean; error?: ContractError }>) => {
    const result = await work;
    if (!result.ok) setError(result.error);
    consoles.reload();
  };
  const test = async (name: string) => {
    setTested({ name });
    const result = await call(api, 'consoles.test', { name });
    if (result.ok) setTested({ name, report: result.value });
    else {
      setTested(undefined);
      setError(result.error);
    }
  };

  const list = consoles.data ?? [];
  const demo = info.data?.demoConsole;
  return (
    <Box sx={{ p: 3 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          Consoles
        </Typography>
        <ConfigButtons onImported={consoles.reload} />
        <Button variant="contained" onClick={() => setAdding({})}>
          Add console
        </Button>
      </Stack>
      <ErrorNotice
        error={error ?? consoles.error}
        onClose={() => setError(undefined)}
        actions={{
          set_token: ({ subject }) => {
            setError(undefined);
            if (subject) setTokenFor(subject);
          },
        }}
      />
      {consoles.data && list.length === 0 && (
        <FirstRun
          onAdd={() => setAdding({})}
          {...(demo
            ? { demo, onDemo: () => setAdding({ name: 'demo', url: demo.url, token: demo.token }) }
            : {})}
        />
      )}
      <Stack spacing={2}>
        {list.map((c) => (
          <ConsoleCard
            key={c.id}
            console={c}
            progress={progress[c.name] ?? {}}
            onTest={() => void test(c.name)}
            onSync={() => void act(call(api, 'sync.start', { name: c.name }))}
            onCancel={() => void act(call(api, 'sync.cancel', { name: c.name }))}
            onAutoPoll={(enabled) =>
              void act(
                call(api, 'consoles.setAutoPoll', {
                  name: c.name,
                  enabled,
                  minutes: c.autoPoll.minutes,
                }),
              )
            }
            onHealth={() => setHealth(c.name)}
            onSetToken={() => setTokenFor(c.name)}
            onEdit={() => setEditing(c)}
            onRemove={() => setRemoving(c.name)}
          />
        ))}
      </Stack>
      {editing && (
        <AddConsoleDialog
          open
          existing={editing}
          onClose={() => setEditing(undefined)}
          onAdded={() => {
            setEditing(undefined);
            consoles.reload();
          }}
        />
      )}
      {adding && (
        <AddConsoleDialog
          open
          initial={adding}
          onClose={() => setAdding(undefined)}
          onAdded={(name) => {
            // The demo console is there to be looked at: its first sync starts with it.
            const demoAdded = demo !== undefined && adding.url === demo.url;
            setAdding(undefined);
            consoles.reload();
            if (demoAdded) void call(api, 'sync.start', { name });
          }}
        />
      )}
      <TestResultDialog
        name={tested?.name ?? ''}
        {...(tested?.report ? { report: tested.report } : {})}
        onClose={() => setTested(undefined)}
      />
      <HealthDrawer
        {...(health === undefined ? {} : { name: health })}
        onClose={() => setHealth(undefined)}
      />
      <SetTokenDialog
        {...(tokenFor === undefined ? {} : { name: tokenFor })}
        onClose={() => {
          setTokenFor(undefined);
          consoles.reload();
        }}
      />
      <RemoveConsoleDialog
        {...(removing === undefined ? {} : { name: removing })}
        onClose={() => {
          setRemoving(undefined);
          consoles.reload();
        }}
      />
    </Box>
  );
}
