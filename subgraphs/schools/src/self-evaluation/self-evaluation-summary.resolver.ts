import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Locality } from '../locality/locality.js';
import { LocalArea } from '../locality/local-area.js';
import { todayInEngland } from '../calendar.js';
import { protectSummary, SelfEvaluationSummary } from './self-evaluation-summary.js';
import { summaryLoader, type SummaryScope } from './self-evaluation-summary.loaders.js';

async function summary(ctx: SubgraphContext, scope: SummaryScope, key: string): Promise<SelfEvaluationSummary> {
  const today = todayInEngland();
  return protectSummary(await summaryLoader(ctx, scope, today).load(key), today);
}

const DESCRIPTION = "Schools' latest SEND self-evaluations summed up for the SEND board: schools at each grade per dimension and meeting each statutory duty, small counts withheld.";

// A summary across schools picks out no school: every role may read it, analysts included.
@Resolver(() => Locality)
export class LocalitySelfEvaluationSummaryResolver {
  @FieldResolver(() => SelfEvaluationSummary, { description: `${DESCRIPTION} The schools in this locality.` })
  schoolSelfEvaluationSummary(@Root() locality: Locality, @Ctx() ctx: SubgraphContext): Promise<SelfEvaluationSummary> {
    return summary(ctx, 'locality', locality.id);
  }
}

@Resolver(() => LocalArea)
export class LocalAreaSelfEvaluationSummaryResolver {
  @FieldResolver(() => SelfEvaluationSummary, { description: `${DESCRIPTION} Every school in the local area.` })
  schoolSelfEvaluationSummary(@Root() area: LocalArea, @Ctx() ctx: SubgraphContext): Promise<SelfEvaluationSummary> {
    return summary(ctx, 'area', area.code);
  }
}
