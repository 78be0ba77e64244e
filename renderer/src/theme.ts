import { createTheme, type Theme } from '@mui/material/styles';

/** Light and dark themes; the app follows the OS preference (prefers-color-scheme). */
export function appTheme(mode: 'light' | 'dark'): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#8c9eff' : '#3949ab' },
      secondary: { main: mode === 'dark' ? '#80cbc4' : '#00897b' },
      // Status colours whose chip text keeps a 4.5:1 contrast in both themes (MUI's own warning
      // and info fail it on white, and its dark error, success and warning with white text).
      ...(mode === 'dark'
        ? {
            error: { main: '#ef9a9a' },
            success: { main: '#81c784' },
            warning: { main: '#ffb74d' },
            info: { main: '#81d4fa' },
          }
        : { warning: { main: '#b45309' }, info: { main: '#0277bd' } }),
    },
    shape: { borderRadius: 8 },
    typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  });
}
