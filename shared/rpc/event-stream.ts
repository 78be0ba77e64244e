/**
 * Server-Sent Events out of a growing text buffer: the complete events it holds, and the rest
 * to keep until more arrives. Comments (keep-alives) are skipped.
 */
export function takeEvents(buffer: string): {
  events: { event: string; data: string }[];
  rest: string;
} {
  const events: { event: string; data: string }[] = [];
  let rest = buffer;
  let end: number;
  while ((end = rest.indexOf('\n\n')) >= 0) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    const event = /^event: (.+)$/m.exec(block)?.[1];
    const data = /^data: (.+)$/m.exec(block)?.[1];
    if (event && data) events.push({ event, data });
  }
  return { events, rest };
}
