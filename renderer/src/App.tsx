import { useMemo, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import { OCSF_VERSION } from '../../shared/ocsf/enums';
import { appTheme } from './theme';
import { Shell, type ScreenId } from './Shell';
import { EmptyState } from './EmptyState';

export function App() {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const theme = useMemo(() => appTheme(prefersDark ? 'dark' : 'light'), [prefersDark]);
  const [screen, setScreen] = useState<ScreenId>('consoles');

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Shell screen={screen} onNavigate={setScreen} footer={`OCSF ${OCSF_VERSION}`}>
        <EmptyState screen={screen} />
      </Shell>
    </ThemeProvider>
  );
}
