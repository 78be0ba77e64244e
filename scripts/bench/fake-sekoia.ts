// A fake Sekoia asset API in its own process for the push benchmark; prints its URL.
import { FakeSekoia } from '../../test/support/fake-sekoia/server';

const fake = await FakeSekoia.start(process.env.S1INV_FAKE_SEKOIA_KEY ?? 'bench-key');
fake.latencyMs = Number(process.argv[2] ?? 50);
console.log(fake.url);
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
