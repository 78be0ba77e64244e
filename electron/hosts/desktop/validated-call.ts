import type { CallName, ContractError } from '../../../shared/contract/contract';
import { parseCall } from '../../backend/parse-call';
import { toContractError } from '../../backend/contract-errors';

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

/**
 * Main's check of every renderer call before it is relayed: the sender must be our window's
 * top frame on our origin, and the arguments must parse against the contract. Kept free of
 * Electron so Node tests exercise exactly what main runs.
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
  const call = parseCall(name, args);
  return call.ok ? call : { ok: false, error: toContractError(call.error) };
}

function originOf(url: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(url);
  return match?.[1]?.toLowerCase();
}
