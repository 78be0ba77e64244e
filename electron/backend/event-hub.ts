import type { EventName, EventPayload } from '../../shared/contract/contract';

export type EventListener = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

/** Backend → renderer events, fanned out to whichever transports are listening. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<K extends EventName>(event: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
