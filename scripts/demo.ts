// `npm run demo`: a fake SentinelOne console on loopback with a few thousand generated devices,
// for people with no console at hand. Serves until interrupted.
import { FakeS1Console } from '../test/support/fake-s1/server';
import { fleet } from '../test/support/sync-fixture';

const port = Number(process.env.S1INV_DEMO_PORT ?? 8089);
const agents = Number(process.env.S1INV_DEMO_AGENTS ?? 3_000);
const token = 'demo-token';

const s1 = await FakeS1Console.start({ port });
s1.addToken(token, {
  scope: 'global',
  expiresAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
});
fleet(s1, { agents, threats: Math.ceil(agents / 20), activities: Math.ceil(agents / 10) });

console.log(`S1 Inventory demo console: ${s1.url} (${agents.toLocaleString('en')} agents), token "${token}"

Try it from another terminal:
  export S1_DEMO_TOKEN=${token}
  npx s1inv console add --name demo --url ${s1.url}
  npx s1inv console test demo --token-env S1_DEMO_TOKEN
  npx s1inv sync demo --token-env S1_DEMO_TOKEN
  npx s1inv devices --console demo

Press Ctrl-C to stop.`);
process.on('SIGINT', () => void s1.close().then(() => process.exit(0)));
