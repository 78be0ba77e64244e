import { err, ok, type Result } from '../result';
import { MATCH_ALL, type QueryNode } from './query-ast';
import { checkCompare, checkField } from './query-check';
import { QuerySyntaxError } from './query-error';
import { tokenize, type Token } from './query-lexer';
import { fieldNamed } from './query-fields';

// The grammar (docs/query.md), by recursive descent, NOT binding tighter than AND, AND than OR:
//   query   := or?
//   or      := and ("OR" and)*
//   and     := unary ("AND"? unary)*        -- terms side by side are ANDed
//   unary   := "NOT" unary | "(" or ")" | term
// Written by hand (six rules) so each error names the token at fault in the analyst's words;
// the fields' types are checked as each term is read.

export function parseQuery(text: string): Result<QueryNode, QuerySyntaxError> {
  try {
    return ok(new Parser(tokenize(text), text.length).query());
  } catch (error) {
    if (error instanceof QuerySyntaxError) return err(error);
    throw error;
  }
}

class Parser {
  private next = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  query(): QueryNode {
    if (this.tokens.length === 0) return MATCH_ALL;
    const node = this.or();
    const extra = this.peek();
    if (extra) {
      throw new QuerySyntaxError(
        extra.type === ')'
          ? 'This ) closes nothing: remove it, or open it with ( earlier.'
          : 'The query cannot go on from here: check the parentheses and keywords before it.',
        extra.at,
      );
    }
    return node;
  }

  private or(): QueryNode {
    const items = [this.and()];
    while (this.peek()?.type === 'or') {
      items.push(this.and(this.take()));
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private and(after?: Token): QueryNode {
    const items = [this.unary(after)];
    for (;;) {
      const token = this.peek();
      if (token === undefined || token.type === 'or' || token.type === ')') break;
      if (token.type === 'and') {
        items.push(this.unary(this.take()));
      } else {
        items.push(this.unary());
      }
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  /** A term, or what stands for one; `after` is the keyword before it, if any. */
  private unary(after?: Token): QueryNode {
    const token = this.take();
    const keyword = after?.type.toUpperCase();
    if (token === undefined) {
      throw new QuerySyntaxError(
        after === undefined
          ? 'The query ends too soon: add a term.'
          : `${keyword} needs a term after it, for example ${keyword} site:Lyon.`,
        after?.at ?? { start: Math.max(0, this.length - 1), end: this.length },
      );
    }
    switch (token.type) {
      case 'not':
        return { kind: 'not', item: this.unary(token) };
      case '(':
        return this.group(token);
      case ')':
        throw new QuerySyntaxError(
          after === undefined
            ? 'This ) closes nothing: remove it, or open it with ( earlier.'
            : `${keyword} needs a term after it, before this ).`,
          token.at,
        );
      case 'and':
      case 'or':
        throw new QuerySyntaxError(
          `${token.type.toUpperCase()} needs a term on each side, for example site:Lyon ${token.type.toUpperCase()} site:Paris.`,
          token.at,
        );
      case 'text':
        return this.text(token);
      case 'compare':
        return this.compare(token);
    }
  }

  private group(open: Token): QueryNode {
    if (this.peek()?.type === ')') {
      throw new QuerySyntaxError('Empty parentheses: put a term inside them, or remove them.', {
        start: open.at.start,
        end: this.peek()!.at.end,
      });
    }
    const inside = this.or();
    if (this.peek()?.type !== ')') {
      throw new QuerySyntaxError(
        'This ( is never closed: add a ) after the terms it groups.',
        open.at,
      );
    }
    this.take();
    return inside;
  }

  private text(token: Extract<Token, { type: 'text' }>): QueryNode {
    // A boolean field's name alone asks for it: `decommissioned`. Quoted, it is the word.
    const field = token.quoted ? undefined : fieldNamed(token.value);
    if (field?.type === 'boolean') return { kind: 'flag', field: field.name, at: token.at };
    return { kind: 'text', value: token.value, at: token.at };
  }

  private compare(token: Extract<Token, { type: 'compare' }>): QueryNode {
    if (token.field.toLowerCase() === 'has') {
      if (token.op !== ':') {
        throw new QuerySyntaxError(`Write has:FIELD, with a colon.`, token.fieldAt);
      }
      const field = checkField(token.value, token.valueAt);
      if (field.type === 'boolean' || field.type === 'cve') {
        throw new QuerySyntaxError(
          field.type === 'cve'
            ? 'Write has:vulnerabilities for devices with an open CVE, or cve:CVE-… for one CVE.'
            : `${field.name} is yes or no: write ${field.name}, or NOT ${field.name}.`,
          token.valueAt,
        );
      }
      return { kind: 'has', field: field.name, at: token.valueAt };
    }
    const field = checkField(token.field, token.fieldAt);
    checkCompare(field, token.op, token.value, token.valueAt, token.fieldAt);
    return {
      kind: 'compare',
      field: field.name,
      op: token.op,
      value: token.value,
      at: token.valueAt,
    };
  }

  private peek(): Token | undefined {
    return this.tokens[this.next];
  }

  private take(): Token | undefined {
    const token = this.tokens[this.next];
    if (token) this.next += 1;
    return token;
  }
}
