import { Directive, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertUuid, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Child, ChildSend } from './child.js';
import { EhcNeedsAssessmentRequest } from '../ehc-request/ehc-request.js';
import { EhcPlan } from '../ehc-plan/ehc-plan.js';
import { isCurrent, todayInEngland } from '../calendar.js';

@Resolver(() => Child)
export class ChildResolver {
  @Directive('@requires(fields: "careTeamPass")')
  @FieldResolver(() => ChildSend, {
    nullable: true,
    description: "The child's SEND records: EHC needs assessment requests and EHC plans (the SEND team's), SEND support plans (their school's) and their needs radar.",
  })
  send(@Root() child: Child): ChildSend {
    return { childId: child.id };
  }
}

/*
 * Loaded for every child of the request in one SQL statement each (DataLoader keyed
 * by child id), so `_entities` for a thousand children costs what it costs for one.
 */
export const requestsOf = (ctx: SubgraphContext) => ctx.loaders.many(EhcNeedsAssessmentRequest, 'childId', { receivedDate: 'DESC', id: 'ASC' });
export const plansOf = (ctx: SubgraphContext) => ctx.loaders.many(EhcPlan, 'childId', { startDate: 'DESC', id: 'ASC' });

@Resolver(() => ChildSend)
export class ChildSendResolver {
  @FieldResolver(() => [EhcNeedsAssessmentRequest], { nullable: true, description: 'Every request for an EHC needs assessment, newest first.' })
  requests(@Root() send: ChildSend, @Ctx() ctx: SubgraphContext): Promise<EhcNeedsAssessmentRequest[]> {
    return requestsOf(ctx).load(send.childId);
  }

  @FieldResolver(() => [EhcPlan], { nullable: true, description: 'Every EHC plan, ceased ones included, most recently started first.' })
  plans(@Root() send: ChildSend, @Ctx() ctx: SubgraphContext): Promise<EhcPlan[]> {
    return plansOf(ctx).load(send.childId);
  }

  @FieldResolver(() => EhcPlan, { nullable: true, description: 'The EHC plan maintained now; empty when the child has none.' })
  async currentPlan(@Root() send: ChildSend, @Ctx() ctx: SubgraphContext): Promise<EhcPlan | null> {
    const today = todayInEngland();
    return (await plansOf(ctx).load(send.childId)).find((plan) => isCurrent(plan.ceaseDate, today)) ?? null;
  }
}

/**
 * The register belongs to the localities service, so any platform id is taken at its
 * word without touching the database; a value that is not a platform id names no child.
 */
export function resolveChildReference(reference: { id: string }): Child | null {
  try {
    return { id: assertUuid(String(reference.id), 'id') };
  } catch {
    return null;
  }
}
