import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Enrolment } from './enrolment.js';
import { School } from '../school/school.js';
import { isCurrent, todayInEngland } from '../calendar.js';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => School, { description: 'The school whose roll this is.' })
  async school(@Root() enrolment: Enrolment, @Ctx() ctx: SubgraphContext): Promise<School> {
    // The foreign key guarantees the school exists.
    return (await ctx.loaders.one(School, 'urn').load(enrolment.schoolUrn))!;
  }

  @FieldResolver(() => Boolean, { description: 'True while the child is on this roll: no end date, or an end date still to come.' })
  isCurrent(@Root() enrolment: Enrolment): boolean {
    return isCurrent(enrolment.endDate, todayInEngland());
  }
}
