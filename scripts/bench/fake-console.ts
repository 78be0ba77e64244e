// A fake console with N generated agents for benchmarks and `npm run demo`, in its own process
// so that it does not compete with the code being measured. Prints its URL, then serves.
import { FakeS1Console } from '../../test/support/fake-s1/server';
import { fleet } from '../../test/support/sync-fixture';
import { fleetApplications } from '../../test/support/fake-s1/fleet-applications';

const agents = Number(process.argv[2] ?? 100_000);
const port = process.argv[3] === undefined ? 0 : Number(process.argv[3]);
/** Each agents page answered after this long: a latency-bound console (issue 14, target 5). */
const pageLatencyMs = Number(process.argv[4] ?? 0);
/** Installed applications per agent, and the CVE rows they carry (issue 31); none by default. */
const appsPerAgent = Number(process.argv[5] ?? 0);
const token = process.env.S1INV_FAKE_TOKEN ?? 'demo-token';
const s1 = await FakeS1Console.start({ port });
s1.addToken(token, {
  scope: 'global',
  expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
});
fleet(s1, { agents, threats: Math.ceil(agents / 20), activities: Math.ceil(agents / 10) });
if (appsPerAgent > 0) fleetApplications(s1, appsPerAgent, Date.now() - 2 * 3_600_000);
if (pageLatencyMs > 0) {
  s1.faults.add({
    path: '/agents',
    times: Number.MAX_SAFE_INTEGER,
    fault: { kind: 'latency', ms: pageLatencyMs },
  });
}
console.log(s1.url);
process.on('SIGTERM', () => void s1.close().then(() => process.exit(0)));
