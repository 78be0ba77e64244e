import { useMemo, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import type { BackendApi } from '../../shared/contract/contract';
import { OCSF_VERSION } from '../../shared/ocsf/enums';
import { AuditScreen } from './audit/AuditScreen';
import { BackendProvider } from './backend/BackendContext';
import { ConsolesScreen } from './consoles/ConsolesScreen';
import { DevicesScreen } from './devices/DevicesScreen';
import { OverviewScreen } from './overview/OverviewScreen';
import { Shell, type ScreenId } from './Shell';
import { appTheme } from './theme';

const SCREENS: Record<ScreenId, () => React.ReactElement> = {
  overview: OverviewScreen,
  consoles: ConsolesScreen,
  devices: DevicesScreen,
  audit: AuditScreen,
};

export function App({ api }: { api: BackendApi }) {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const theme = useMemo(() => appTheme(prefersDark ? 'dark' : 'light'), [prefersDark]);
  const [screen, setScreen] = useState<ScreenId>('consoles');
  const Screen = SCREENS[screen];
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <BackendProvider api={api}>
        <Shell screen={screen} onNavigate={setScreen} footer={`OCSF ${OCSF_VERSION}`}>
          <Screen />
        </Shell>
      </BackendProvider>
    </ThemeProvider>
  );
}
