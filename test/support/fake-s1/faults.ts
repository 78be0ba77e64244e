// Faults the fake console injects, each for the next N matching requests.

export type FaultKind =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'latency'; ms: number }
  | { kind: 'revoke-token'; token: string }
  | { kind: 'malformed'; element: string }
  /** The page holds this many tiny objects, whatever limit was asked for (issue 27, R20). */
  | { kind: 'flood'; items: number };

export interface Fault {
  /** A path without the /web/api/v2.1 prefix, e.g. "/agents"; undefined matches every path. */
  path?: string;
  /** Which matching request to start at (1 = the next one). */
  after?: number;
  times: number;
  fault: FaultKind;
}

export class FaultPlan {
  private readonly faults: (Fault & { seen: number; fired: number })[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0, fired: 0 });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The faults that fire for this request. */
  take(path: string): FaultKind[] {
    const firing: FaultKind[] = [];
    for (const fault of this.faults) {
      if (fault.path !== undefined && fault.path !== path) continue;
      fault.seen += 1;
      if (fault.seen >= (fault.after ?? 1) && fault.fired < fault.times) {
        fault.fired += 1;
        firing.push(fault.fault);
      }
    }
    return firing;
  }
}
