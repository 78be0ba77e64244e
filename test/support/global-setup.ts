import type { TestProject } from 'vitest/node';
import { startSecretService } from './secret-service';

declare module 'vitest' {
  export interface ProvidedContext {
    secretServiceEnv: Record<string, string>;
  }
}

/**
 * Starts one real Secret Service for the whole run. The test processes are forked after this
 * runs, so they inherit its D-Bus address; tests that spawn `s1inv` pass `secretServiceEnv`.
 */
export default function setup(project: TestProject) {
  const session = startSecretService();
  Object.assign(process.env, session.env);
  project.provide('secretServiceEnv', session.env);
  return () => session.stop();
}
