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

  const exportConfig = async () => {
    const result = await call(api, 'config.export', {});
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
    const { added, updated, renamed, tokensDropped } = result.value;
    setNotice(
      [
        `Imported: ${added.length} added, ${updated.length} updated.`,
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
      <Button onClick={() => void exportConfig()}>Export configuration</Button>
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
