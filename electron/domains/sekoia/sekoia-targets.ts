import { randomUUID } from 'node:crypto';
import type { PushTargetRepository, StoredTarget } from '../../storage/push-target-repository';
import type { Clock } from '../../adapters/platform/clock';
import { isLoopbackHost } from '../../adapters/http/url-identity';
import { forgetSecret, sekoiaAccount, type SecretStore } from '../../adapters/secrets/secret-store';
import { AppError } from '../../../shared/errors/app-error';
import { nameProblem } from '../../../shared/names';
import { nextStep } from '../../../shared/errors/next-step';

/** A Sekoia.io asset connector the inventory is pushed to; its API key lives in the keychain. */
export interface SekoiaTarget {
  id: string;
  name: string;
  connectorUuid: string;
  baseUrl: string;
  /** A full endpoint URL that replaces base URL + path, for tenants that need another form. */
  endpoint?: string;
  batchSize: number;
  legacyDeviceTypes: boolean;
  keyStored: boolean;
  createdAt: string;
}

/** Sekoia's kind of push target, as push_targets stores it. */
export const SEKOIA_KIND = 'sekoia';

function fromStored({ settings, ...target }: StoredTarget): SekoiaTarget {
  return {
    id: target.id,
    name: target.name,
    connectorUuid: String(settings.connectorUuid),
    baseUrl: String(settings.baseUrl),
    ...(typeof settings.endpoint === 'string' ? { endpoint: settings.endpoint } : {}),
    batchSize: Number(settings.batchSize),
    legacyDeviceTypes: settings.legacyDeviceTypes === true,
    keyStored: target.keyStored,
    createdAt: target.createdAt,
  };
}

function toStored(target: SekoiaTarget): StoredTarget {
  const { id, name, keyStored, createdAt, ...settings } = target;
  return { id, kind: SEKOIA_KIND, name, settings: { ...settings }, keyStored, createdAt };
}

export const DEFAULT_SEKOIA_BASE_URL = 'https://app.sekoia.io';
export const MAX_BATCH_SIZE = 1000;

export class InvalidSekoiaTargetError extends AppError {
  override readonly name = 'InvalidSekoiaTargetError';
  readonly code = 'invalid_argument';
}

export class SekoiaTargetNotFoundError extends AppError {
  override readonly name = 'SekoiaTargetNotFoundError';
  readonly code = 'not_found';
  constructor(target: string) {
    super(`No Sekoia target is named "${target}".`, { nextStep: nextStep('list_targets') });
  }
}

export class SekoiaKeyMissingError extends AppError {
  override readonly name = 'SekoiaKeyMissingError';
  readonly code = 'secret_missing';
  constructor(target: string) {
    super(`No API key is stored for Sekoia target "${target}".`, {
      nextStep: nextStep('set_api_key', target),
    });
  }
}

export interface AddSekoiaTargetInput {
  name: string;
  connectorUuid: string;
  baseUrl?: string;
  endpoint?: string;
  batchSize?: number;
  legacyDeviceTypes?: boolean;
  /** Goes straight to the OS keychain; never stored anywhere else. */
  apiKey?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkUrl(text: string, what: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new InvalidSekoiaTargetError(
      `The ${what} "${text}" is not a URL, e.g. ${DEFAULT_SEKOIA_BASE_URL}.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidSekoiaTargetError(
      `The ${what} must not contain a user name or password; the API key is kept in the OS keychain instead.`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new InvalidSekoiaTargetError(
      `The ${what} must be https:// (plain http:// only for 127.0.0.1, localhost and [::1]).`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}

/** A target's settings, checked: each problem says what to give instead. */
function checkedSettings(
  input: Omit<AddSekoiaTargetInput, 'name' | 'apiKey'>,
): Pick<
  SekoiaTarget,
  'connectorUuid' | 'baseUrl' | 'endpoint' | 'batchSize' | 'legacyDeviceTypes'
> {
  if (!UUID.test(input.connectorUuid)) {
    throw new InvalidSekoiaTargetError(
      `"${input.connectorUuid}" is not a UUID. Give the UUID of your asset connector in Sekoia (Assets → Asset connectors).`,
    );
  }
  const batchSize = input.batchSize ?? MAX_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new InvalidSekoiaTargetError(
      `The batch size must be a whole number from 1 to ${MAX_BATCH_SIZE}.`,
    );
  }
  return {
    connectorUuid: input.connectorUuid.toLowerCase(),
    baseUrl: checkUrl(input.baseUrl ?? DEFAULT_SEKOIA_BASE_URL, 'base URL'),
    ...(input.endpoint === undefined ? {} : { endpoint: checkUrl(input.endpoint, 'endpoint') }),
    batchSize,
    legacyDeviceTypes: input.legacyDeviceTypes === true,
  };
}

/** Sekoia targets and their API keys, kept in step like consoles and their tokens. */
export class SekoiaTargets {
  constructor(
    private readonly repository: PushTargetRepository,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    /** A key the host supplies for this call (the CLI's `--api-key-env`), over the keychain's. */
    private readonly keyOverride: (targetName: string) => string | undefined = () => undefined,
  ) {}

  list(): SekoiaTarget[] {
    return this.repository.list(SEKOIA_KIND).map(fromStored);
  }

  get(name: string): SekoiaTarget {
    const target = this.repository.findByName(name);
    if (target?.kind !== SEKOIA_KIND) throw new SekoiaTargetNotFoundError(name);
    return fromStored(target);
  }

  async add(input: AddSekoiaTargetInput): Promise<SekoiaTarget> {
    const name = this.checkedName(input.name);
    const target: SekoiaTarget = {
      id: randomUUID(),
      name,
      ...checkedSettings(input),
      keyStored: input.apiKey !== undefined,
      createdAt: this.clock.now().toISOString(),
    };
    if (input.apiKey !== undefined) await this.secrets.set(sekoiaAccount(target.id), input.apiKey);
    this.repository.save(toStored(target));
    return target;
  }

  /**
   * Changes a target's settings, and re-keys it when given a key. A stored key goes only where
   * it was stored for: moving the target to another origin forgets it unless a new one comes.
   */
  async edit(
    name: string,
    changes: Partial<AddSekoiaTargetInput>,
  ): Promise<{ target: SekoiaTarget; keyDropped: boolean }> {
    const before = this.get(name);
    const renamed =
      changes.name !== undefined && changes.name.trim().toLowerCase() !== before.name.toLowerCase();
    const endpoint =
      changes.endpoint === undefined ? before.endpoint : changes.endpoint || undefined;
    const settings = checkedSettings({
      connectorUuid: changes.connectorUuid ?? before.connectorUuid,
      baseUrl: changes.baseUrl ?? before.baseUrl,
      ...(endpoint === undefined ? {} : { endpoint }),
      batchSize: changes.batchSize ?? before.batchSize,
      legacyDeviceTypes: changes.legacyDeviceTypes ?? before.legacyDeviceTypes,
    });
    const { endpoint: _replaced, ...kept } = before;
    const moved =
      new URL(SekoiaTargets.endpointOf({ ...kept, ...settings })).origin !==
      new URL(SekoiaTargets.endpointOf(before)).origin;
    const keyDropped = before.keyStored && moved && changes.apiKey === undefined;
    const target: SekoiaTarget = {
      ...kept,
      ...settings,
      name: renamed ? this.checkedName(changes.name!) : (changes.name?.trim() ?? before.name),
      keyStored: changes.apiKey !== undefined || (before.keyStored && !keyDropped),
    };
    if (changes.apiKey !== undefined) {
      await this.secrets.set(sekoiaAccount(target.id), changes.apiKey);
    }
    if (keyDropped) await forgetSecret(this.secrets, sekoiaAccount(target.id), true);
    this.repository.save(toStored(target));
    return { target, keyDropped };
  }

  private checkedName(raw: string): string {
    const name = raw.trim();
    const problem = nameProblem(name, 'target');
    if (problem) throw new InvalidSekoiaTargetError(problem);
    if (this.repository.findByName(name)) {
      throw new InvalidSekoiaTargetError(`A push target named "${name}" already exists.`);
    }
    return name;
  }

  async remove(name: string): Promise<SekoiaTarget> {
    const target = this.get(name);
    await forgetSecret(this.secrets, sekoiaAccount(target.id), target.keyStored);
    this.repository.delete(target.id);
    return target;
  }

  /** The API key for a call: the host's override for this call, else the keychain's. */
  keyFor(target: SekoiaTarget): Promise<string> {
    const override = this.keyOverride(target.name);
    return override === undefined ? this.apiKey(target) : Promise.resolve(override);
  }

  async apiKey(target: SekoiaTarget): Promise<string> {
    const stored = await this.secrets.get(sekoiaAccount(target.id));
    if (stored === undefined) throw new SekoiaKeyMissingError(target.name);
    return stored;
  }

  /** Where batches go: the override, else {base}/api/v2/asset-management/asset-connector/{uuid}. */
  static endpointOf(target: SekoiaTarget): string {
    return (
      target.endpoint ??
      `${target.baseUrl}/api/v2/asset-management/asset-connector/${target.connectorUuid}`
    );
  }
}
