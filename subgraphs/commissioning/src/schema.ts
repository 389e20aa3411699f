import { buildFederatedSchema, type ReferenceResolvers } from '@local-area-graph/subgraph-kit';
import { LocalArea, Locality, resolveLocalAreaReference, resolveLocalityReference } from './local-area/local-area.js';
import { ImprovementBoardResolver, LocalAreaBoardResolver, LocalityBoardResolver } from './board/board.resolver.js';
import { BoardMemberMutations } from './board/board-member.mutations.js';
import { WorkstreamResolver } from './workstream/workstream.resolver.js';
import { MeasureResolver, MeasureTargetResolver } from './measure/measure.resolver.js';
import { MeasureMutations } from './measure/measure.mutations.js';
import { ActionPlanLineResolver } from './action-plan/action-plan.resolver.js';
import { ActionPlanMutations } from './action-plan/action-plan.mutations.js';
import { WorkstreamMutations } from './workstream/workstream.mutations.js';

// No type here holds a child's personal data: the board works on published aggregates.
export const buildCommissioningSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [
        LocalAreaBoardResolver,
        LocalityBoardResolver,
        ImprovementBoardResolver,
        WorkstreamResolver,
        MeasureResolver,
        MeasureTargetResolver,
        ActionPlanLineResolver,
        ActionPlanMutations,
        MeasureMutations,
        BoardMemberMutations,
        WorkstreamMutations,
      ],
      // Reachable only through the gateway (this subgraph has no root query), so named explicitly.
      orphanedTypes: [LocalArea, Locality],
    },
    {
      LocalArea: { __resolveReference: resolveLocalAreaReference },
      Locality: { __resolveReference: resolveLocalityReference },
    } as ReferenceResolvers,
  );
