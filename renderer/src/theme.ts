import { createTheme, type Theme } from '@mui/material/styles';

/** Light and dark themes; the app follows the OS preference (prefers-color-scheme). */
export function appTheme(mode: 'light' | 'dark'): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#8c9eff' : '#3949ab' },
      secondary: { main: mode === 'dark' ? '#80cbc4' : '#00897b' },
    },
    shape: { borderRadius: 8 },
    typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  });
}
