import { useEffect, useMemo, useRef, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ContentCopy from '@mui/icons-material/ContentCopy';
import {
  completeQuery,
  type Completion,
  type FacetValues,
} from '../../../shared/query/query-complete';
import { parseQuery } from '../../../shared/query/query-parser';

interface Props {
  /** The query the grid applies now (the address's `where`). */
  applied: string;
  onApply: (text: string) => void;
  /** The facets' values and counts, offered as the values of their fields. */
  facets: FacetValues;
  /** Everything the grid filters by, as one query: what "Copy as query" copies. */
  wholeQuery: () => string;
}

const EXAMPLE = 'os:windows AND last_seen>90d AND NOT decommissioned';

/**
 * The query bar: the grid's query language (docs/query.md) with completion as the analyst types
 * and an error under the field that names the token at fault. Enter applies it; the address
 * carries it, so a link or a saved view holds it as text.
 */
export function QueryBar({ applied, onApply, facets, wholeQuery }: Props) {
  const [text, setText] = useState(applied);
  const [caret, setCaret] = useState(applied.length);
  const [copied, setCopied] = useState(false);
  // Kept open after a choice: a field chosen is followed by its values.
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A new address (a link, a view, back and forward, a chip removed) shows its own query.
  useEffect(() => setText(applied), [applied]);
  const parsed = useMemo(() => parseQuery(text), [text]);
  const error = parsed.ok ? undefined : parsed.error;
  const completions = useMemo(() => completeQuery(text, caret, facets), [text, caret, facets]);
  const apply = () => {
    if (!parsed.ok) return;
    setOpen(false);
    onApply(text.trim());
  };
  const choose = (option: Completion) => {
    const next = text.slice(0, completions.from) + option.insert + text.slice(completions.to);
    const at = completions.from + option.insert.length;
    setText(next);
    setCaret(at);
    // After React writes the new value, the caret goes after what was chosen.
    requestAnimationFrame(() => input.current?.setSelectionRange(at, at));
  };
  const readCaret = (target: HTMLInputElement) =>
    setCaret(target.selectionStart ?? target.value.length);
  const near = error ? text.slice(error.at.start, error.at.end) : '';

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', mt: 1 }}>
      <Autocomplete<Completion, false, true, true>
        freeSolo
        disableClearable
        fullWidth
        size="small"
        options={completions.options}
        open={open && completions.options.length > 0}
        onOpen={() => setOpen(true)}
        onClose={(_event, reason) => setOpen(reason === 'selectOption')}
        // Closed on leaving the field even when the list was empty (MUI only closes what it shows).
        onBlur={() => setOpen(false)}
        filterOptions={(options) => options}
        getOptionLabel={(option) => (typeof option === 'string' ? option : option.label)}
        inputValue={text}
        value={null as unknown as Completion}
        onInputChange={(event, value, reason) => {
          if (reason !== 'input') return;
          setText(value);
          if (event?.target instanceof HTMLInputElement) readCaret(event.target);
        }}
        onChange={(_event, option) => {
          if (option === null || typeof option === 'string') apply();
          else choose(option);
        }}
        renderOption={({ key, ...props }, option) => (
          <Box component="li" key={key} {...props} sx={{ gap: 2 }}>
            <Typography component="span" sx={{ fontFamily: 'monospace', flexShrink: 0 }}>
              {option.label}
            </Typography>
            {option.detail && (
              <Typography component="span" variant="body2" color="text.secondary" noWrap>
                {option.detail}
              </Typography>
            )}
          </Box>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Query"
            placeholder={EXAMPLE}
            inputRef={input}
            error={error !== undefined}
            helperText={
              error
                ? `${near ? `At “${near}”: ` : ''}${error.message}`
                : text !== applied
                  ? 'Press Enter to apply.'
                  : undefined
            }
            slotProps={{
              ...params.slotProps,
              htmlInput: {
                ...params.slotProps.htmlInput,
                spellCheck: false,
                'aria-label': 'Query',
                onSelect: (event: React.SyntheticEvent<HTMLInputElement>) =>
                  readCaret(event.currentTarget),
              },
            }}
            sx={{ '& input': { fontFamily: 'monospace' } }}
          />
        )}
      />
      <Button
        variant="outlined"
        onClick={apply}
        disabled={error !== undefined || text === applied}
        sx={{ mt: 0.25 }}
      >
        Apply
      </Button>
      <Tooltip
        title={copied ? 'Copied' : 'Copy every filter as one query (for a script’s --where)'}
        describeChild
      >
        <Button
          startIcon={<ContentCopy />}
          sx={{ mt: 0.25, flexShrink: 0 }}
          onClick={() =>
            void navigator.clipboard.writeText(wholeQuery()).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 2_000);
            })
          }
        >
          Copy as query
        </Button>
      </Tooltip>
    </Stack>
  );
}
