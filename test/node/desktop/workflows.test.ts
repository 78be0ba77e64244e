import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

// Issue 28: the GitHub Actions workflows cannot run here, so they are validated here against
// the workflow schema (offline), and the release workflow is checked for the steps that make
// it a release built and launched where Electron lives.

const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

describe('the workflow files', () => {
  it.each(WORKFLOWS)('%s is a valid workflow', (path) => {
    expect(validateWorkflow(readFileSync(path, 'utf8')).errors).toEqual([]);
  });

  it('are checked for real: a misspelt key is an error', () => {
    const broken = readFileSync('.github/workflows/ci.yml', 'utf8').replace(
      'runs-on:',
      'runs-onn:',
    );
    expect(validateWorkflow(broken).errors).not.toEqual([]);
  });

  it('release builds on each platform, publishes nothing, checks the ABI, launches, uploads', () => {
    const release = yaml.load(readFileSync('.github/workflows/release.yml', 'utf8')) as {
      jobs: { package: { strategy: { matrix: { include: { os: string }[] } }; steps: Step[] } };
    };
    const { strategy, steps } = release.jobs.package;
    expect(strategy.matrix.include.map((entry) => entry.os.split('-')[0])).toEqual([
      'ubuntu',
      'macos',
      'windows',
    ]);
    const runs = steps.map((step) => step.run ?? step.uses ?? '');
    const at = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));
    const order = [
      at(/^npm ci\b/),
      at(/npm run package -- .* --publish never/),
      at(/check-appimage-sandbox\.sh release\/\*\.AppImage/),
      at(/check-native-abi\.ts release/),
      at(/electron-builder .*--config electron-builder\.launch-test\.yml/),
      at(/playwright test -c playwright\.electron\.config\.ts/),
      at(/actions\/upload-artifact/),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps[order[5]!]!.env?.S1INV_PACKAGED_APP).toMatch(/^release-launch-test\//);
    expect(runs[order[5]!]).toContain("runner.os == 'Linux' && 'xvfb-run -a'");
  });

  it('release packs the CLI, installs and runs it, and uploads the tarball', () => {
    const release = yaml.load(readFileSync('.github/workflows/release.yml', 'utf8')) as {
      jobs: { cli: { steps: Step[] } };
    };
    const runs = release.jobs.cli.steps.map((step) => step.run ?? step.uses ?? '');
    const check = runs.indexOf('npm run package:cli:check');
    const upload = runs.findIndex((run) => run.startsWith('actions/upload-artifact'));
    expect(check).toBeGreaterThan(runs.indexOf('npm ci --no-audit --no-fund'));
    expect(upload).toBeGreaterThan(check);
  });

  it("the AppImage is built with a toolset that keeps Chromium's sandbox on", () => {
    // app-builder-lib's AppImageTarget adds --no-sandbox to the desktop entry's Exec line when
    // toolsets.appimage is unset or "0.0.0" (the legacy toolset), unless executableArgs is set.
    const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as {
      toolsets?: { appimage?: string | null };
      appImage?: { executableArgs?: string[] };
    };
    expect(config.toolsets?.appimage).toMatch(/^[1-9]\d*\.\d+\.\d+$/);
    expect(config.appImage?.executableArgs ?? []).not.toContain('--no-sandbox');
  });

  it('the launched twin differs from the release only in the fuse Playwright needs', () => {
    const release = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    const twin = yaml.load(readFileSync('electron-builder.launch-test.yml', 'utf8')) as {
      extends: string;
      electronFuses: Record<string, boolean>;
    };
    expect(twin.extends).toBe('./electron-builder.yml');
    expect(twin.electronFuses).toEqual({
      ...release.electronFuses,
      enableNodeCliInspectArguments: true,
    });
  });
});
