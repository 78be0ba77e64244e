import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Tooltip from '@mui/material/Tooltip';
import NewReleasesOutlined from '@mui/icons-material/NewReleasesOutlined';
import type { UpdateCheckView } from '../../shared/contract/views';
import { call, useBackend, useQuery } from './backend/BackendContext';

// The opt-in check for a newer version (issue 28): a switch at the foot of the navigation, off
// until the analyst turns it on, and, when the release feed names a newer version, a button in
// the title bar that opens its release page in the browser. Nothing is downloaded.

interface Updates {
  enabled: boolean | undefined;
  check: UpdateCheckView | undefined;
  setEnabled: (enabled: boolean) => void;
}

const UpdatesContext = createContext<Updates>({
  enabled: undefined,
  check: undefined,
  setEnabled: () => undefined,
});

export function UpdateCheckProvider({ children }: { children: ReactNode }) {
  const api = useBackend();
  const settings = useQuery('app.settings', {});
  const check = useQuery('app.updateCheck', {});
  const { reload: reloadSettings } = settings;
  const { reload: reloadCheck } = check;
  // The switch answers the click at once; the stored setting follows a moment later.
  const [asked, setAsked] = useState<boolean>();
  const setEnabled = useCallback(
    (enabled: boolean) => {
      setAsked(enabled);
      void call(api, 'app.setSettings', { updateCheck: enabled }).then((answer) => {
        // Not stored: the switch goes back to what is.
        if (!answer.ok) setAsked(undefined);
        reloadSettings();
        reloadCheck();
      });
    },
    [api, reloadSettings, reloadCheck],
  );
  const enabled = asked ?? settings.data?.updateCheck;
  return (
    <UpdatesContext.Provider value={{ enabled, check: check.data, setEnabled }}>
      {children}
    </UpdatesContext.Provider>
  );
}

/** The switch, at the foot of the navigation. */
export function UpdateSetting() {
  const { enabled, check, setEnabled } = useContext(UpdatesContext);
  const hint =
    check?.state === 'unknown'
      ? `The last check failed: ${check.reason}`
      : 'Asks s1inventory.io once per launch; sends nothing else and downloads nothing.';
  return (
    <Tooltip title={hint} placement="top" describeChild>
      <FormControlLabel
        sx={{ ml: 1, pb: 1, '& .MuiFormControlLabel-label': { fontSize: '0.75rem' } }}
        control={
          <Switch
            size="small"
            checked={enabled === true}
            disabled={enabled === undefined}
            onChange={(event) => setEnabled(event.target.checked)}
          />
        }
        label="Tell me of new versions"
      />
    </Tooltip>
  );
}

/** In the title bar, only when a newer version exists. */
export function UpdateNotice() {
  const api = useBackend();
  const { check } = useContext(UpdatesContext);
  if (check?.state !== 'newer') return null;
  return (
    <Button
      color="inherit"
      size="small"
      variant="outlined"
      startIcon={<NewReleasesOutlined />}
      sx={{ mr: 1 }}
      onClick={() => void call(api, 'app.openExternal', { url: check.url })}
    >
      Version {check.latest} is available
    </Button>
  );
}
