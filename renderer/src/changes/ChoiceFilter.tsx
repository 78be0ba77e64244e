import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/** A choice among what the rows hold (a changed column, a site), or every one of them. */
export function ChoiceFilter({
  label,
  every,
  choices,
  value,
  onChange,
}: {
  label: string;
  /** The choice that narrows nothing: "Any column". */
  every: string;
  choices: readonly string[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const shown = value !== undefined && choices.includes(value) ? value : '';
  return (
    <TextField
      select
      size="small"
      label={label}
      value={shown}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      sx={{ minWidth: 180 }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value="">{every}</MenuItem>
      {choices.map((choice) => (
        <MenuItem key={choice} value={choice}>
          {choice}
        </MenuItem>
      ))}
    </TextField>
  );
}
