import { useEffect, type ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import DevicesOutlined from '@mui/icons-material/DevicesOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import CompareArrows from '@mui/icons-material/CompareArrows';
import GppMaybeOutlined from '@mui/icons-material/GppMaybeOutlined';
import type { ScreenId } from './routing/route';

export type { ScreenId };

export const SCREENS: { id: ScreenId; label: string; icon: ReactNode }[] = [
  { id: 'overview', label: 'Overview', icon: <InsightsOutlined /> },
  { id: 'consoles', label: 'Consoles', icon: <DnsOutlined /> },
  { id: 'devices', label: 'Devices', icon: <DevicesOutlined /> },
  { id: 'vulnerabilities', label: 'Vulnerabilities', icon: <GppMaybeOutlined /> },
  { id: 'changes', label: 'Changes', icon: <CompareArrows /> },
  { id: 'audit', label: 'Audit log', icon: <ReceiptLongOutlined /> },
];

const NAV_WIDTH = 220;
/** Below 1280 px the navigation folds to its icons, leaving the grid the room. */
const NAV_FOLDED_WIDTH = 64;

interface ShellProps {
  /** Shown in the title bar on every screen (the sync indicator). */
  indicator?: ReactNode;
  screen: ScreenId;
  onNavigate: (screen: ScreenId) => void;
  footer: string;
  /** Controls at the foot of the navigation, under the footer (the update check's switch). */
  footerControls?: ReactNode;
  children: ReactNode;
}

/** The frame every screen lives in: title bar, navigation, and the screen itself. */
export function Shell({
  screen,
  onNavigate,
  footer,
  footerControls,
  indicator,
  children,
}: ShellProps) {
  // The window's title (and the browser tab's) names the screen.
  const label = SCREENS.find((item) => item.id === screen)?.label;
  const folded = useMediaQuery('(max-width:1279px)', { noSsr: true });
  const width = folded ? NAV_FOLDED_WIDTH : NAV_WIDTH;
  useEffect(() => {
    document.title = label ? `${label} — S1 Inventory` : 'S1 Inventory';
  }, [label]);
  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense">
          <Typography variant="h6" component="h1" sx={{ fontWeight: 600, flexGrow: 1 }}>
            S1 Inventory
          </Typography>
          {indicator}
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width, boxSizing: 'border-box', overflowX: 'hidden' },
        }}
      >
        <Toolbar variant="dense" />
        <Box component="nav" aria-label="Screens" sx={{ flexGrow: 1 }}>
          <List>
            {/* A list holds list items: each button sits in its own <li>. */}
            {SCREENS.map((item) => (
              <ListItem key={item.id} disablePadding>
                <Tooltip title={folded ? item.label : ''} placement="right">
                  <ListItemButton
                    selected={item.id === screen}
                    aria-current={item.id === screen ? 'page' : undefined}
                    aria-label={item.label}
                    onClick={() => onNavigate(item.id)}
                  >
                    <ListItemIcon>{item.icon}</ListItemIcon>
                    {!folded && <ListItemText primary={item.label} />}
                  </ListItemButton>
                </Tooltip>
              </ListItem>
            ))}
          </List>
        </Box>
        {!folded && (
          <>
            <Typography variant="caption" color="text.secondary" sx={{ p: 2, pb: 1 }}>
              {footer}
            </Typography>
            {footerControls}
          </>
        )}
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, overflow: 'auto' }}>
        <Toolbar variant="dense" />
        {children}
      </Box>
    </Box>
  );
}
