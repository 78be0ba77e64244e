// `npm run demo`: a fake SentinelOne console on loopback with a few thousand generated devices,
// for people with no console at hand. Serves until interrupted.
import { FakeS1Console } from '../test/support/fake-s1/server';
import { fleet } from '../test/support/sync-fixture';
import { DEMO_PORT, DemoPortTakenError, listenForDemo } from './demo-port';

const agents = Number(process.env.S1INV_DEMO_AGENTS ?? 3_000);
const token = 'demo-token';

let listening: Awaited<ReturnType<typeof listenForDemo<FakeS1Console>>>;
try {
  listening = await listenForDemo(process.env.S1INV_DEMO_PORT, (port) =>
    FakeS1Console.start({ port }),
  );
} catch (error) {
  if (!(error instanceof DemoPortTakenError)) throw error;
  console.error(`npm run demo: ${error.message}`);
  process.exit(1);
}
const { server: s1, note } = listening;
s1.addToken(token, {
  scope: 'global',
  expiresAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
});
fleet(s1, { agents, threats: Math.ceil(agents / 20), activities: Math.ceil(agents / 10) });

const moved = note
  ? `${note}
The app's "Try the demo console" looks on port ${DEMO_PORT}: start it with S1INV_DEMO_URL=${s1.url}
(or stop the other program, or choose the port with S1INV_DEMO_PORT).

`
  : '';
console.log(`${moved}S1 Inventory demo console: ${s1.url} (${agents.toLocaleString('en')} agents), token "${token}"

Try it from another terminal:
  export S1_DEMO_TOKEN=${token}
  npx s1inv console add --name demo --url ${s1.url}
  npx s1inv console test demo --token-env S1_DEMO_TOKEN
  npx s1inv sync demo --token-env S1_DEMO_TOKEN
  npx s1inv devices --console demo

Press Ctrl-C to stop.`);
process.on('SIGINT', () => void s1.close().then(() => process.exit(0)));
