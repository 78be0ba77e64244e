// Mapper throughput: SentinelOne agents → strict OCSF and → Sekoia's dialect, per second, on
// generated realistic agents. Validation is timed apart: exports validate, syncs do not.
import { performance } from 'node:perf_hooks';
import { mapAgentToOcsf } from '../../shared/ocsf/mapper';
import { validateDeviceInventoryInfo } from '../../shared/ocsf/validator';
import { mapAgentToSekoia } from '../../shared/sekoia/dialect';
import { generateAgent } from '../../test/support/generate/agents';

export interface MapperBenchResult {
  agents: number;
  ocsfPerSecond: number;
  ocsfSerialisedPerSecond: number;
  sekoiaPerSecond: number;
  validatePerSecond: number;
}

const VALIDATION_SAMPLE = 20_000;

function rate(count: number, run: () => void): number {
  const started = performance.now();
  run();
  return Math.round(count / ((performance.now() - started) / 1000));
}

export function benchMapper(count = 100_000): MapperBenchResult {
  // Agents arrive as parsed JSON; round-trip them so object shapes match what a sync sees.
  const agents: unknown[] = [];
  for (let i = 0; i < count; i += 1) agents.push(JSON.parse(JSON.stringify(generateAgent(i))));
  const readTimeMs = Date.now();

  // Warm up the JIT on a slice before measuring.
  for (const raw of agents.slice(0, 5_000)) mapAgentToOcsf(raw, { readTimeMs });

  // Records are mapped and dropped, as a streaming export does; keeping 100,000 of them alive
  // would measure the garbage collector instead.
  let mapped = 0;
  const ocsfPerSecond = rate(count, () => {
    for (const raw of agents) if (mapAgentToOcsf(raw, { readTimeMs }).ok) mapped += 1;
  });
  let bytes = 0;
  const ocsfSerialisedPerSecond = rate(count, () => {
    for (const raw of agents) {
      const result = mapAgentToOcsf(raw, { readTimeMs });
      if (result.ok) bytes += JSON.stringify(result.value.record).length;
    }
  });
  const sekoiaPerSecond = rate(count, () => {
    for (const raw of agents) mapAgentToSekoia(raw, { readTimeMs });
  });
  const sample = agents.slice(0, VALIDATION_SAMPLE).flatMap((raw) => {
    const result = mapAgentToOcsf(raw, { readTimeMs });
    return result.ok ? [result.value.record] : [];
  });
  const validatePerSecond = rate(sample.length, () => {
    for (const record of sample) validateDeviceInventoryInfo(record);
  });
  if (mapped === 0 || bytes === 0) throw new Error('the benchmark mapped nothing');
  return {
    agents: count,
    ocsfPerSecond,
    ocsfSerialisedPerSecond,
    sekoiaPerSecond,
    validatePerSecond,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 100_000);
  const result = benchMapper(count);
  console.log(`mapper: ${result.agents} generated agents`);
  printMapperResult(result);
}

export function printMapperResult(result: MapperBenchResult): void {
  const line = (label: string, value: number, unit: string) =>
    console.log(`  ${label.padEnd(28)}: ${value.toLocaleString('en')} ${unit}`);
  line('strict OCSF mapping', result.ocsfPerSecond, 'agents/s');
  line('strict OCSF + JSON.stringify', result.ocsfSerialisedPerSecond, 'agents/s');
  line('Sekoia dialect', result.sekoiaPerSecond, 'agents/s');
  line('OCSF validation', result.validatePerSecond, 'records/s');
}
