import { Growable } from './growable';
import {
  TextColumnBuilder,
  textColumnOf,
  type TextColumn,
  type TextColumnImage,
} from './text-column';

/** A list column as plain data (list-column's image, as text-column's). */
export interface ListColumnImage {
  starts: Uint32Array;
  elements: TextColumnImage;
  optional: boolean;
}

export const listColumnOf = (image: ListColumnImage): ListColumn =>
  new ListColumn(image.starts, textColumnOf(image.elements), image.optional);

/**
 * A column of lists (IPs, MACs, tags): every row's elements one after another in one text
 * column, and where each row's start. Elements are held exactly as they came, whatever they
 * hold: no separator has to be kept out of them.
 */
export class ListColumn {
  constructor(
    private readonly starts: Uint32Array,
    private readonly elements: TextColumn,
    /** Whether a row without elements has no list at all (tags) rather than an empty one. */
    private readonly optional: boolean,
  ) {}

  valueAt(i: number): string[] | undefined {
    const from = this.starts[i]!;
    const to = this.starts[i + 1]!;
    if (from === to) return this.optional ? undefined : [];
    const list: string[] = [];
    for (let k = from; k < to; k += 1) list.push(this.elements.valueAt(k)!);
    return list;
  }

  /** Sets `into[i]` to 1 for each row one of whose elements holds `word` (the quick search). */
  markHolding(word: string, into: Uint8Array): void {
    const { starts } = this;
    const holding = new Uint8Array(starts[starts.length - 1]!);
    this.elements.markHolding(word, holding);
    if (!holding.includes(1)) return;
    for (let i = 0; i < starts.length - 1; i += 1) {
      for (let k = starts[i]!; k < starts[i + 1]!; k += 1) {
        if (holding[k] === 1) {
          into[i] = 1;
          break;
        }
      }
    }
  }

  prepareSearch(): void {
    this.elements.prepareSearch();
  }

  image(): ListColumnImage {
    return { starts: this.starts, elements: this.elements.image(), optional: this.optional };
  }
}

export class ListColumnBuilder {
  private readonly starts = new Growable(Uint32Array);
  private readonly elements: TextColumnBuilder;
  private at = 0;

  constructor(
    private readonly optional: boolean,
    codedAtMost?: number,
  ) {
    this.elements = new TextColumnBuilder(codedAtMost);
  }

  push(list: readonly string[] | undefined): void {
    this.starts.push(this.at);
    for (const element of list ?? []) this.elements.push(element);
    this.at += list?.length ?? 0;
  }

  finish(): ListColumn {
    this.starts.push(this.at);
    return new ListColumn(this.starts.finish(), this.elements.finish(), this.optional);
  }
}
