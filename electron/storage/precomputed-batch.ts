// What a batch of agents mapped on a worker comes back as, in the form the store keeps it.

/**
 * One agent of a batch: rejected, or its outputs with the places of its OCSF record and its
 * device row in the batch's two chunks.
 */
export type PrecomputedEntry =
  | {
      ok: true;
      sekoiaSkip: string | null;
      decommissioned: boolean;
      ocsfAt: number;
      ocsfLen: number;
      rowAt: number;
      rowLen: number;
    }
  | { ok: false; reason: string };

export interface PrecomputedBatch {
  entries: PrecomputedEntry[];
  /** The batch's OCSF records compressed as one chunk; null when none was mapped. */
  ocsf: Buffer | null;
  /** The batch's device rows compressed as one chunk; null when none was mapped. */
  rows: Buffer | null;
}
