import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { errorClassWords } from '../../../shared/errors/error-class-words';
import { useQuery } from '../backend/BackendContext';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';

const SEVERITY_ICONS = {
  error: <ErrorOutline color="error" />,
  warning: <WarningAmber color="warning" />,
  info: <InfoOutlined color="info" />,
};

/** A console's health events, newest first: what went wrong or needs a look, and how often. */
export function HealthDrawer({ name, onClose }: { name?: string; onClose: () => void }) {
  return (
    <Drawer
      anchor="right"
      open={name !== undefined}
      onClose={onClose}
      sx={{ zIndex: (t) => t.zIndex.modal }}
      // A temporary drawer is a dialog (MUI gives its paper the role): it needs a name (axe).
      slotProps={{ paper: { 'aria-label': `Health events${name ? `: ${name}` : ''}` } }}
    >
      <Box sx={{ width: 480, p: 2 }}>
        <Typography variant="h6" component="h3">
          Health events: {name}
        </Typography>
        {name !== undefined && <HealthList name={name} />}
      </Box>
    </Drawer>
  );
}

function HealthList({ name }: { name: string }) {
  const events = useQuery('health.list', { name });
  if (events.data?.length === 0) {
    return <Typography color="text.secondary">No health events: every call succeeded.</Typography>;
  }
  return (
    <List dense>
      {events.data?.map((event) => (
        <ListItem key={event.id} alignItems="flex-start" divider>
          <ListItemText
            primary={
              <>
                {/* The colour is the icon's; the label keeps the text colour, which reads on
                    every background (white on amber does not). */}
                <Chip
                  size="small"
                  variant="outlined"
                  label={event.severity}
                  icon={SEVERITY_ICONS[event.severity]}
                  sx={{ mr: 1 }}
                />
                {event.message}
              </>
            }
            secondary={`${errorClassWords(event.errorClass)}${event.api ? ` · ${event.api}` : ''} · ${new Date(event.lastAt).toLocaleString()}${event.count > 1 ? ` · ×${event.count}` : ''}`}
          />
        </ListItem>
      ))}
    </List>
  );
}
