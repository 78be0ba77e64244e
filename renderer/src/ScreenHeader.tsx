import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { saveText } from './download';

/** A screen's title, with its own controls (search, exports) at the right. */
export function ScreenHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
      <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
        {title}
      </Typography>
      {children}
    </Stack>
  );
}

/** "Export CSV" of what a screen lists, saved as s1-inventory-NAME-DATE.csv. */
export function CsvButton({
  name,
  csv,
  empty,
}: {
  name: string;
  csv: () => string;
  empty: boolean;
}) {
  return (
    <Button
      variant="outlined"
      disabled={empty}
      onClick={() =>
        saveText(
          `s1-inventory-${name}-${new Date().toISOString().slice(0, 10)}.csv`,
          csv(),
          'text/csv',
        )
      }
    >
      Export CSV
    </Button>
  );
}
