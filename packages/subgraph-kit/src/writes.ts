import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { Role } from '@local-area-graph/trust';
import { isValidIsoDate, todayInEngland } from '@local-area-graph/identifiers';
import type { SubgraphContext } from './context.js';
import { forbidden } from './access/decisions.js';

/** One thing wrong with a mutation's input, named by its field. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Collects every problem with a mutation's input before anything is written, so the
 * caller fixes them all at once: one BAD_USER_INPUT error naming the first field in
 * `extensions.field` and every one in `extensions.fields`.
 */
export class InputCheck {
  private readonly problems: InputProblem[] = [];

  constructor(private readonly argument = 'input') {}

  require(ok: boolean, field: string, message: string): this {
    if (!ok) this.problems.push({ field, message });
    return this;
  }

  /** A real calendar date, not in the future (things are recorded after they happen). */
  pastDate(value: string | null | undefined, field: string, { optional = false } = {}): this {
    if (value == null) return this.require(optional, field, 'is required');
    if (!isValidIsoDate(value)) return this.require(false, field, `"${value}" is not a date (yyyy-mm-dd)`);
    return this.require(value <= todayInEngland(), field, `${value} is in the future`);
  }

  /** `later` is on or after `earlier` (both already checked as dates). */
  ordered(earlier: string | null | undefined, later: string | null | undefined, field: string, message: string): this {
    if (earlier && later && isValidIsoDate(earlier) && isValidIsoDate(later)) this.require(later >= earlier, field, message);
    return this;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws the collected problems, if any. */
  done(): void {
    if (this.ok) return;
    throw new GraphQLError(`Invalid ${this.argument}: ${this.problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`, {
      extensions: { code: 'BAD_USER_INPUT', argument: this.argument, field: `${this.argument}.${this.problems[0]!.field}`, fields: this.problems },
    });
  }
}

/** Someone else changed the record since the caller read it: nothing was written. */
export function conflict(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...extra } });
}

/**
 * Only these roles may make this change, and only stating a purpose. Decided in the
 * subgraph that owns the data, like every read.
 */
export function requireRole(ctx: SubgraphContext, field: string, roles: readonly Role[]): void {
  if (ctx.viewer.purpose === null) throw forbidden(field, 'state why you are changing personal data in the x-purpose header');
  if (!roles.includes(ctx.viewer.role)) throw forbidden(field, `only ${roles.join(' or ')} may do this`);
}

interface PostgresError {
  code?: string;
  constraint?: string;
}

/**
 * Runs a mutation's work in one transaction: all of it is written, or none. A rule the
 * database enforces (a CHECK, a unique key) that the input still breaks becomes a
 * coded error naming the rule, never the SQL; the write is rolled back.
 */
export async function inTransaction<T>(ctx: SubgraphContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(work);
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    const pg: PostgresError = (error as { driverError?: PostgresError }).driverError ?? (error as PostgresError);
    if (pg.code === '23505') throw conflict('This has already been recorded.', { rule: pg.constraint });
    if (pg.code === '23514' || pg.code === '23502' || pg.code === '23503') {
      throw new GraphQLError(`The change breaks a rule of the record (${pg.constraint ?? 'a required value'}); nothing was written.`, {
        extensions: { code: 'BAD_USER_INPUT', argument: 'input', rule: pg.constraint },
      });
    }
    throw error;
  }
}
