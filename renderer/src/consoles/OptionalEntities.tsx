import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../../../shared/entities';

/** What a console syncs unless told otherwise, and what it may be asked to sync as well. */
export const DEFAULT_APIS: readonly EntityName[] = ENTITY_NAMES.filter(
  (name) => ENTITIES[name].syncedByDefault,
);
const OPTIONAL: readonly EntityName[] = ENTITY_NAMES.filter(
  (name) => !ENTITIES[name].syncedByDefault,
);

/**
 * The entities a console reads only when asked (installed applications, vulnerabilities): each
 * a checkbox, with what a token needs for them, so a sync without them never fails on them.
 */
export function OptionalEntities({
  apis,
  onChange,
}: {
  apis: readonly string[];
  onChange: (apis: string[]) => void;
}) {
  const toggle = (name: EntityName, on: boolean) =>
    onChange(
      on ? [...apis.filter((api) => api !== name), name] : apis.filter((api) => api !== name),
    );
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">Also read</FormLabel>
      <FormGroup row>
        {OPTIONAL.map((name) => (
          <FormControlLabel
            key={name}
            label={ENTITIES[name].label}
            control={
              <Checkbox
                checked={apis.includes(name)}
                onChange={(e) => toggle(name, e.target.checked)}
              />
            }
          />
        ))}
      </FormGroup>
      <FormHelperText>
        The software on each device and the CVEs it carries. They need{' '}
        {OPTIONAL.map((name) => ENTITIES[name].needs).join('; and ')}. Applications are read one
        device at a time: about an hour per 100,000 devices, and a sync stopped part-way goes on
        where it stopped.
      </FormHelperText>
    </FormControl>
  );
}
