import { Directive, Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { isValidNhsNumber, LocalDateScalar, todayInEngland } from '@local-area-graph/identifiers';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Child, ChildHealth } from './child.js';
import { breaches, daysWaited, statusOf, WaitingListEntry, WaitStatus, weeksWaited } from '../waiting-list/waiting-list-entry.js';
import { NhsService } from '../service/nhs-service.js';
import { servicesOf } from '../service/nhs-service.resolver.js';

@Resolver(() => Child)
export class ChildResolver {
  @Directive('@requires(fields: "careTeamPass")')
  @FieldResolver(() => ChildHealth, {
    nullable: true,
    description: "The child's waits for community and specialist health services, as the NHS trust records them.",
  })
  health(@Root() child: Child): ChildHealth {
    return { nhsNumber: child.nhsNumber };
  }
}

/*
 * Every entry of every child in the request in one SQL statement (DataLoader keyed by
 * NHS number), so `_entities` for a thousand children costs what it costs for one.
 */
export const entriesOf = (ctx: SubgraphContext) => ctx.loaders.many(WaitingListEntry, 'nhsNumber', { referralDate: 'DESC', id: 'ASC' });

/**
 * The entries of one child this viewer may see, once the access rule has let them see the
 * child: a PARTNER only those its own organisation sent (another organisation's entries
 * of the same child are not its data), everyone else every entry.
 */
async function visibleEntriesOf(ctx: SubgraphContext, nhsNumber: string): Promise<WaitingListEntry[]> {
  const entries = await entriesOf(ctx).load(nhsNumber);
  return ctx.viewer.role === 'PARTNER' ? entries.filter((entry) => entry.partnerId === ctx.viewer.partnerId) : entries;
}

@Resolver(() => ChildHealth)
export class ChildHealthResolver {
  @FieldResolver(() => [WaitingListEntry], {
    nullable: true,
    description: 'The waits still running: referred and not yet seen nor removed, newest referral first. A partner organisation sees only the entries it sent.',
  })
  async waits(@Root() health: ChildHealth, @Ctx() ctx: SubgraphContext): Promise<WaitingListEntry[]> {
    return (await visibleEntriesOf(ctx, health.nhsNumber)).filter((entry) => statusOf(entry) === WaitStatus.WAITING);
  }

  @FieldResolver(() => [WaitingListEntry], {
    nullable: true,
    description: 'The waits that ended, with a first contact or a removal, newest referral first. A partner organisation sees only the entries it sent.',
  })
  async pastWaits(@Root() health: ChildHealth, @Ctx() ctx: SubgraphContext): Promise<WaitingListEntry[]> {
    return (await visibleEntriesOf(ctx, health.nhsNumber)).filter((entry) => statusOf(entry) !== WaitStatus.WAITING);
  }
}

@Resolver(() => WaitingListEntry)
export class WaitingListEntryResolver {
  @FieldResolver(() => NhsService, { description: 'The service the child is waiting for.' })
  async service(@Root() entry: WaitingListEntry, @Ctx() ctx: SubgraphContext): Promise<NhsService> {
    return (await servicesOf(ctx)).get(entry.serviceCode)!;
  }

  @FieldResolver(() => WaitStatus, { description: 'Waiting, seen or removed.' })
  status(@Root() entry: WaitingListEntry): WaitStatus {
    return statusOf(entry);
  }

  @FieldResolver(() => Int, { description: 'Whole weeks from referral to the first contact or removal, or to `asOf` while waiting.' })
  weeksWaited(
    @Root() entry: WaitingListEntry,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to count a running wait to, e.g. "2026-11-20"; today when left out.' }) asOf?: string | null,
  ): number {
    return weeksWaited(entry, asOf ?? todayInEngland());
  }

  @FieldResolver(() => Int, { nullable: true, description: "The service's own waiting-time standard in weeks (18, or 13 for autism assessment); empty when it has none." })
  async standardWeeks(@Root() entry: WaitingListEntry, @Ctx() ctx: SubgraphContext): Promise<number | null> {
    return (await servicesOf(ctx)).get(entry.serviceCode)?.standardWeeks ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the wait breaches the service's own standard: true once it has run longer than the standard without a first contact (from day 127 for 18 weeks, day 92 for autism assessment's 13), false while within it or when the first contact came within it; empty when the service has no standard.",
  })
  async breachesStandard(
    @Root() entry: WaitingListEntry,
    @Ctx() ctx: SubgraphContext,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to judge a running wait on, e.g. "2026-11-20"; today when left out.' }) asOf?: string | null,
  ): Promise<boolean | null> {
    const service = (await servicesOf(ctx)).get(entry.serviceCode);
    return breaches(daysWaited(entry, asOf ?? todayInEngland()), service?.standardWeeks ?? null);
  }
}

/** Any valid NHS number is taken at its word, without a query; anything else names no child. */
export function resolveChildReference(reference: { nhsNumber: string }): Child | null {
  const nhsNumber = String(reference.nhsNumber ?? '');
  return isValidNhsNumber(nhsNumber) ? { nhsNumber } : null;
}
