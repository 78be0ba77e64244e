import type { CallName, ContractError } from '../../../shared/contract/contract';
import { CALL_NAMES } from '../../../shared/contract/names';

/** Who sent an IPC call, as Electron's IpcMainInvokeEvent tells it. */
export interface IpcSender {
  /** webContents id of the sender. */
  webContentsId: number;
  /** URL of the frame that sent it. */
  frameUrl: string;
  /** Whether that frame is the page's main frame (not an iframe inside it). */
  mainFrame: boolean;
}

export interface TrustedWindow {
  webContentsId: number;
  /** e.g. "app://s1inventory" */
  origin: string;
}

const KNOWN_CALLS: ReadonlySet<string> = new Set(CALL_NAMES);

/**
 * Main's check of every renderer call before it is relayed: the sender must be our window's
 * top frame on our origin, and the call one the contract names. Main only relays a call's
 * arguments, never reads them; the backend parses them against the contract before any handler
 * sees them (dispatch, as for every host), so main carries no schema library (issue 28: it was
 * 734 KB of main's 827 KB). Kept free of Electron so Node tests exercise exactly what main runs.
 */
export function validateIpcCall(
  name: string,
  args: unknown,
  sender: IpcSender,
  trusted: TrustedWindow | undefined,
): { ok: true; name: CallName; args: unknown } | { ok: false; error: ContractError } {
  let origin: string | undefined;
  try {
    origin = new URL(sender.frameUrl).origin;
  } catch {
    origin = undefined;
  }
  // app://host URLs have an opaque origin ("null") in WHATWG terms; compare scheme + host.
  const senderOrigin =
    origin === 'null' || origin === undefined ? originOf(sender.frameUrl) : origin;
  if (
    !trusted ||
    !sender.mainFrame ||
    sender.webContentsId !== trusted.webContentsId ||
    senderOrigin !== trusted.origin
  ) {
    return {
      ok: false,
      error: {
        name: 'UntrustedSenderError',
        code: 'invalid_argument',
        message: 'This call did not come from the S1 Inventory window, so it was refused.',
      },
    };
  }
  if (!KNOWN_CALLS.has(name)) {
    return {
      ok: false,
      error: {
        name: 'InvalidArgumentError',
        code: 'invalid_argument',
        message: `There is no call named "${name}".`,
      },
    };
  }
  return { ok: true, name: name as CallName, args };
}

function originOf(url: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(url);
  return match?.[1]?.toLowerCase();
}
