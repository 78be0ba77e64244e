import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useQuery } from '../backend/BackendContext';

/** A console's health events, newest first: what went wrong or needs a look, and how often. */
export function HealthDrawer({ name, onClose }: { name?: string; onClose: () => void }) {
  return (
    <Drawer
      anchor="right"
      open={name !== undefined}
      onClose={onClose}
      sx={{ zIndex: (t) => t.zIndex.modal }}
    >
      <Box sx={{ width: 480, p: 2 }} role="region" aria-label="Health events">
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
                <Chip
                  size="small"
                  label={event.severity}
                  color={
                    event.severity === 'error'
                      ? 'error'
                      : event.severity === 'warning'
                        ? 'warning'
                        : 'default'
                  }
                  sx={{ mr: 1 }}
                />
                {event.message}
              </>
            }
            secondary={`${event.errorClass}${event.api ? ` · ${event.api}` : ''} · ${new Date(event.lastAt).toLocaleString()}${event.count > 1 ? ` · ×${event.count}` : ''}`}
          />
        </ListItem>
      ))}
    </List>
  );
}
