import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { School } from '../school/school.js';
import { Locality } from '../locality/locality.js';
import { LocalArea } from '../locality/local-area.js';
import { todayInEngland } from '../calendar.js';
import { SenProfile, protectSenProfile } from './sen-profile.js';
import { senCountsLoader, type ProfileScope } from './sen-profile.loaders.js';

const DESCRIPTION = 'SEN provision of the pupils on roll today (no SEN, SEN support, EHC plan), small counts withheld.';

async function profile(ctx: SubgraphContext, scope: ProfileScope, key: string): Promise<SenProfile> {
  const today = todayInEngland();
  return protectSenProfile(await senCountsLoader(ctx, scope, today).load(key), today);
}

// Aggregates carry no personal data: every role may read them, analysts included.
@Resolver(() => School)
export class SchoolSenProfileResolver {
  @FieldResolver(() => SenProfile, { description: DESCRIPTION })
  senProfile(@Root() school: School, @Ctx() ctx: SubgraphContext): Promise<SenProfile> {
    return profile(ctx, 'school', school.urn);
  }
}

@Resolver(() => Locality)
export class LocalitySenProfileResolver {
  @FieldResolver(() => SenProfile, { description: `${DESCRIPTION} Across every school in the locality.` })
  senProfile(@Root() locality: Locality, @Ctx() ctx: SubgraphContext): Promise<SenProfile> {
    return profile(ctx, 'locality', locality.id);
  }
}

@Resolver(() => LocalArea)
export class LocalAreaSenProfileResolver {
  @FieldResolver(() => SenProfile, { description: `${DESCRIPTION} Across every school in the local area.` })
  senProfile(@Root() area: LocalArea, @Ctx() ctx: SubgraphContext): Promise<SenProfile> {
    return profile(ctx, 'area', area.code);
  }
}
