// Where `npm run demo` listens: its usual port, or a free one when that is taken (a second demo,
// another app), said plainly rather than as an EADDRINUSE stack. A port the analyst named with
// S1INV_DEMO_PORT is kept to: if it is taken, that is the error.

export const DEMO_PORT = 8089;

export class DemoPortTakenError extends Error {
  override readonly name = 'DemoPortTakenError';
}

const taken = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EADDRINUSE';

export async function listenForDemo<T>(
  named: string | undefined,
  start: (port: number) => Promise<T>,
): Promise<{ server: T; note?: string }> {
  if (named !== undefined) {
    const port = Number(named);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new DemoPortTakenError(
        `S1INV_DEMO_PORT is "${named}": give a port number from 1 to 65535, or unset it.`,
      );
    }
    try {
      return { server: await start(port) };
    } catch (error) {
      if (!taken(error)) throw error;
      throw new DemoPortTakenError(
        `Port ${port} (S1INV_DEMO_PORT) is taken by another program: choose another port, or unset S1INV_DEMO_PORT to let the demo pick a free one.`,
      );
    }
  }
  try {
    return { server: await start(DEMO_PORT) };
  } catch (error) {
    if (!taken(error)) throw error;
    return {
      server: await start(0),
      note: `Port ${DEMO_PORT} is taken (another demo, or another program), so this demo listens on a free port instead.`,
    };
  }
}
