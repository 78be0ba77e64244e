import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import { useRef, useState } from 'react';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import type { ContractError } from '../../../shared/contract/contract';
import { call, useBackend } from '../backend/BackendContext';
import { saveText } from '../download';
import { ErrorNotice } from '../ErrorNotice';

/** Import and export of the consoles' JSON configuration (never tokens). */
export function ConfigButtons({ onImported }: { onImported: () => void }) {
  const api = useBackend();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ContractError>();
  const [notice, setNotice] = useState<string>();

  const [exportMenu, setExportMenu] = useState<HTMLElement | null>(null);
  const exportConfig = async (withNotes: boolean) => {
    setExportMenu(null);
    const result = await call(api, 'config.export', withNotes ? { withNotes } : {});
    if (!result.ok) return setError(result.error);
    saveText('s1-inventory-config.json', result.value.json, 'application/json');
  };
  const importConfig = async (file: File) => {
    let json: string;
    try {
      // Refused rather than patched with U+FFFD: a name or URL would change without a word.
      json = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return setError({
        name: 'ConfigNotUtf8',
        code: 'invalid_argument',
        message: `${file.name} is not valid UTF-8 text. Save it as UTF-8 and import it again.`,
      });
    }
    const result = await call(api, 'config.import', { json });
    if (!result.ok) return setError(result.error);
    const { added, updated, renamed, tokensDropped, notes } = result.value;
    setNotice(
      [
        `Imported: ${added.length} added, ${updated.length} updated${notes > 0 ? `, notes on ${notes} devices` : ''}.`,
        ...renamed.map(({ from, to }) => `"${from}" is now named "${to}".`),
        tokensDropped.length > 0
          ? `${tokensDropped.map((n) => `"${n}"`).join(', ')} now reach their console another way (host, proxy or CA bundle), so their stored tokens were forgotten.`
          : '',
        added.length + tokensDropped.length > 0 ? 'Add their tokens with Set token.' : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    onImported();
  };

  return (
    <>
      <Button onClick={() => input.current?.click()}>Import configuration</Button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Configuration file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importConfig(file);
          e.target.value = '';
        }}
      />
      <Button
        onClick={(e) => setExportMenu(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={exportMenu !== null}
        endIcon={<ArrowDropDown />}
      >
        Export configuration
      </Button>
      <Menu anchorEl={exportMenu} open={exportMenu !== null} onClose={() => setExportMenu(null)}>
        <MenuItem onClick={() => void exportConfig(false)}>Consoles and views (no tokens)</MenuItem>
        {/* The analyst's notes are an audit's working state: in a team's file only when asked. */}
        <MenuItem onClick={() => void exportConfig(true)}>
          Consoles, views and my device notes
        </MenuItem>
      </Menu>
      <ErrorNotice error={error} onClose={() => setError(undefined)} />
      <Snackbar
        open={notice !== undefined}
        autoHideDuration={6000}
        onClose={() => setNotice(undefined)}
        message={notice}
      />
    </>
  );
}
