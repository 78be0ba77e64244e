import { useCallback, useMemo, useRef, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import type { BackendApi } from '../../shared/contract/contract';
import { OCSF_VERSION } from '../../shared/ocsf/enums';
import type { AppCommand } from '../../shared/commands';
import { PendingCommandProvider, useAppCommands } from './commands';
import { AuditScreen } from './audit/AuditScreen';
import { ChangesScreen } from './changes/ChangesScreen';
import { navigate, useRoute } from './routing/useRoute';
import { BackendProvider } from './backend/BackendContext';
import { ConsolesScreen } from './consoles/ConsolesScreen';
import { DevicesScreen } from './devices/DevicesScreen';
import { OverviewScreen } from './overview/OverviewScreen';
import { Shell, type ScreenId } from './Shell';
import { UpdateCheckProvider, UpdateNotice, UpdateSetting } from './UpdateCheck';
import { SyncIndicator } from './SyncIndicator';
import { VulnerabilitiesScreen } from './vulnerabilities/VulnerabilitiesScreen';
import { appTheme } from './theme';

const SCREENS: Record<ScreenId, () => React.ReactElement> = {
  overview: OverviewScreen,
  consoles: ConsolesScreen,
  devices: DevicesScreen,
  vulnerabilities: VulnerabilitiesScreen,
  changes: ChangesScreen,
  audit: AuditScreen,
};

export function App({ api }: { api: BackendApi }) {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const theme = useMemo(() => appTheme(prefersDark ? 'dark' : 'light'), [prefersDark]);
  const route = useRoute();
  const { screen } = route;
  // Each screen reopens as the analyst left it: the navigation goes back to its last address.
  const lastQuery = useRef(new Map<ScreenId, URLSearchParams>());
  lastQuery.current.set(screen, route.query);
  const setScreen = useCallback((next: ScreenId) => {
    navigate({ screen: next, query: lastQuery.current.get(next) ?? new URLSearchParams() });
  }, []);
  const [pending, setPending] = useState<AppCommand>();
  const done = useCallback(() => setPending(undefined), []);
  const onCommand = useCallback(
    (command: AppCommand) => {
      if (command.startsWith('go.')) return setScreen(command.slice('go.'.length) as ScreenId);
      if (command === 'syncAll') {
        setScreen('consoles');
        return void syncAllConsoles(api);
      }
      setScreen('devices');
      setPending(command);
    },
    [api, setScreen],
  );
  useAppCommands(onCommand);
  const Screen = SCREENS[screen];
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <BackendProvider api={api}>
        <UpdateCheckProvider>
          <Shell
            screen={screen}
            onNavigate={setScreen}
            footer={`OCSF ${OCSF_VERSION}`}
            footerControls={<UpdateSetting />}
            indicator={
              <>
                <UpdateNotice />
                <SyncIndicator />
              </>
            }
          >
            <PendingCommandProvider command={pending} done={done}>
              <Screen />
            </PendingCommandProvider>
          </Shell>
        </UpdateCheckProvider>
      </BackendProvider>
    </ThemeProvider>
  );
}

/** Sync all: every console at once; each card shows its own progress and outcome. */
async function syncAllConsoles(api: BackendApi): Promise<void> {
  const consoles = await api['consoles.list']({});
  if (!consoles.ok) return;
  await Promise.all(
    consoles.value.filter((c) => !c.syncing).map((c) => api['sync.start']({ name: c.name })),
  );
}
