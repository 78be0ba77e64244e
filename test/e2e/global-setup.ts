import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

// Starts test/e2e/support/e2e-env.ts (keychain, fake console, fake Sekoia, `s1inv serve`) and
// hands its description to the tests in S1INV_E2E; the returned function tears it down.
export default async function globalSetup(): Promise<() => Promise<void>> {
  const env = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/support/e2e-env.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.env.S1INV_E2E = await new Promise<string>((resolve, reject) => {
    createInterface({ input: env.stdout! }).once('line', resolve);
    env.once('exit', (code) => reject(new Error(`the e2e environment exited (${code})`)));
  });
  return async () => {
    const exited = new Promise((resolve) => env.once('exit', resolve));
    env.kill('SIGTERM');
    await exited;
  };
}
