import { AppError } from '../../../../../shared/errors/app-error';
import type { ExportSink } from '../export-writer';

// Amazon Security Lake's custom sources take Parquet files of one OCSF class each, under
// ext/<source>/region=<region>/accountId=<account>/eventDay=<yyyymmdd>/ in the lake's bucket;
// an export in this layout writes that tree into a folder, to be copied to the bucket as it is.

export interface LakeSource {
  /** The custom source's name in Security Lake. */
  source: string;
  /** The AWS Region and account the records are filed under. */
  region: string;
  accountId: string;
}

/** Where an export in the lake's layout writes its files. */
export interface LakeLayout extends LakeSource {
  /** The export's time (yyyymmddThhmmssZ), in each file's name: a later export adds files. */
  stamp: string;
  open(relativePath: string): ExportSink;
}

export class InvalidLakeSourceError extends AppError {
  override readonly name = 'InvalidLakeSourceError';
  readonly code = 'invalid_argument';
}

/** Checks the names the layout puts in paths, saying what each should look like. */
export function checkLakeSource(lake: LakeSource): void {
  if (!/^[A-Za-z0-9][\w.-]{0,63}$/.test(lake.source)) {
    throw new InvalidLakeSourceError(
      `"${lake.source}" cannot name a Security Lake custom source: use up to 64 letters, digits, "-", "_" or ".", such as sentinelone-devices.`,
    );
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(lake.region)) {
    throw new InvalidLakeSourceError(
      `"${lake.region}" is not an AWS Region: give the lake's Region, such as eu-west-1.`,
    );
  }
  if (!/^\d{12}$/.test(lake.accountId)) {
    throw new InvalidLakeSourceError(
      `"${lake.accountId}" is not an AWS account id: give the 12 digits of the account the records belong to.`,
    );
  }
}

/** The day a record's `time` falls on, in UTC, as yyyymmdd; the export's own day without one. */
function eventDay(record: Record<string, unknown>, stamp: string): string {
  const time = record.time;
  if (typeof time !== 'number' || !Number.isFinite(time)) return stamp.slice(0, 8);
  return new Date(time).toISOString().slice(0, 10).replaceAll('-', '');
}

/** A record's file in the layout, relative to the export's folder. */
export function lakePath(
  layout: LakeLayout,
  record: Record<string, unknown>,
  classStem: string,
): string {
  const { source, region, accountId, stamp } = layout;
  return `ext/${source}/region=${region}/accountId=${accountId}/eventDay=${eventDay(record, stamp)}/${classStem}-${stamp}.parquet`;
}
