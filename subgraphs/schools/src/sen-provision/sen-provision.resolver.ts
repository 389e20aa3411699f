import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { SenProvisionStatus } from './sen-provision.js';
import { School } from '../school/school.js';
import { isCurrent, todayInEngland } from '../calendar.js';

@Resolver(() => SenProvisionStatus)
export class SenProvisionStatusResolver {
  @FieldResolver(() => School, { description: 'The school that recorded this SEN provision.' })
  async school(@Root() status: SenProvisionStatus, @Ctx() ctx: SubgraphContext): Promise<School> {
    return (await ctx.loaders.one(School, 'urn').load(status.schoolUrn))!;
  }

  @FieldResolver(() => Boolean, { description: 'True for the provision in place now: no end date, or an end date still to come.' })
  isCurrent(@Root() status: SenProvisionStatus): boolean {
    return isCurrent(status.endDate, todayInEngland());
  }
}
