import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendRelay } from '../../../electron/hosts/desktop/backend-relay';
import type { FromBackend, ToBackend } from '../../../electron/hosts/utility/host-messages';
import { PendingRequests } from '../../../shared/rpc/pending-requests';
import { utilityProcessOn } from '../../support/contract-clients';

// Main's relay to the backend process, against a MessagePort standing in for the utility
// process; the test plays the backend's side of the port to control when it is ready or gone.

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function setUp(platformCalls: string[] = []) {
  const { port1: main, port2: backend } = new MessageChannel();
  ports.push(main, backend);
  const events: unknown[] = [];
  const relay = new BackendRelay(
    utilityProcessOn(main),
    {
      chooseExportFile: (name) => {
        platformCalls.push(name);
        return Promise.resolve({ path: `/tmp/${name}`, description: name });
      },
      openExternal: () => Promise.resolve(false),
    },
    (name, payload) => events.push({ name, payload }),
  );
  const received: ToBackend[] = [];
  backend.on('message', (message: ToBackend) => received.push(message));
  const send = (message: FromBackend) => backend.postMessage(message);
  return { relay, backend, received, send, events };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('BackendRelay', () => {
  it('holds calls until the backend is ready, then relays them and settles each by id', async () => {
    const { relay, received, send } = setUp();
    const first = relay.call('app.info', {});
    const second = relay.call('consoles.list', {});
    await tick();
    expect(received).toEqual([]);
    send({ type: 'ready' });
    await tick();
    expect(received.map((m) => m.type === 'call' && m.name)).toEqual(['app.info', 'consoles.list']);
    const [a, b] = received as { id: number }[];
    send({ type: 'result', id: b!.id, envelope: { ok: true, value: 'second' } });
    send({ type: 'result', id: a!.id, envelope: { ok: true, value: 'first' } });
    expect(await first).toEqual({ ok: true, value: 'first' });
    expect(await second).toEqual({ ok: true, value: 'second' });
  });

  it('answers the backend’s platform requests and hands its events on', async () => {
    const asked: string[] = [];
    const { received, send, events } = setUp(asked);
    send({ type: 'ready' });
    send({ type: 'event', name: 'export.progress', payload: { records: 5 } });
    send({
      type: 'platform',
      id: 7,
      request: { kind: 'chooseExportFile', suggestedName: 'x.csv' },
    });
    await tick();
    expect(asked).toEqual(['x.csv']);
    expect(received).toContainEqual({
      type: 'platform-reply',
      id: 7,
      value: { path: '/tmp/x.csv', description: 'x.csv' },
    });
    expect(events).toEqual([{ name: 'export.progress', payload: { records: 5 } }]);
  });

  it('settles waiting and later calls with a named error once the backend is gone', async () => {
    const { relay, backend, send } = setUp();
    send({ type: 'ready' });
    const waiting = relay.call('sync.run', {});
    await tick();
    backend.close();
    const stopped = { ok: false, error: { name: 'BackendExitedError', code: 'unavailable' } };
    expect(await waiting).toMatchObject(stopped);
    expect(await relay.call('app.info', {})).toMatchObject(stopped);
  });
});

describe('PendingRequests', () => {
  it('ignores replies to unknown ids and settles each request once', async () => {
    const requests = new PendingRequests<string>();
    const ids: number[] = [];
    const reply = requests.request((id) => ids.push(id));
    requests.settle(999, 'stray');
    requests.settle(ids[0]!, 'answer');
    requests.settle(ids[0]!, 'again');
    expect(await reply).toBe('answer');
    expect(requests.size).toBe(0);
  });
});
