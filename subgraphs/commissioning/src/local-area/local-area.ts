import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LaCodeScalar } from '@local-area-graph/identifiers';
import { EhcTimelinessMonth, LocalitySupportMonth, ServiceWaitingTimes, SuspensionsMonth } from '../figures/owned-figures.js';
import type { OwnedFigures } from '../figures/figure-sources.js';

/*
 * The local area and its localities as this subgraph sees them: their keys, and the
 * owners' figures it rates its measures on, declared @external: the send, health,
 * schools and localities subgraphs resolve them, and the gateway hands them over with
 * the key when it asks for `improvementBoard` (@requires). The localities subgraph owns
 * both types.
 */

@ObjectType({ description: 'A local authority area, such as Kent. The commissioning service adds its SEND improvement board.' })
@Directive('@key(fields: "code")')
export class LocalArea {
  @Field(() => LaCodeScalar, { description: "The area's ONS code, e.g. E10000016 for Kent." })
  code: string;

  @Field(() => [EhcTimelinessMonth], { description: 'EHC plans issued month by month over the last 12 complete months (owned by the send service).' })
  @Directive('@external')
  ehcTimelinessLast12Months?: OwnedFigures['ehcTimelinessLast12Months'];

  @Field(() => [ServiceWaitingTimes], { description: 'Waiting times of every service over the last 12 month ends (owned by the health service).' })
  @Directive('@external')
  waitingTimesLast12Months?: OwnedFigures['waitingTimesLast12Months'];

  @Field(() => [SuspensionsMonth], { description: 'Suspensions of pupils with and without SEN over the last 12 complete months (owned by the schools service).' })
  @Directive('@external')
  suspensionsLast12Months?: OwnedFigures['suspensionsLast12Months'];

  @Field(() => [LocalitySupportMonth], { description: 'Requests for locality support and the share answered within 2 working days over the last 12 complete months (owned by the localities service).' })
  @Directive('@external')
  supportFiguresLast12Months?: OwnedFigures['supportFiguresLast12Months'];
}

@ObjectType({ description: 'A locality within the local area. The commissioning service adds the SEND improvement board as it looks for the locality.' })
@Directive('@key(fields: "id")')
export class Locality {
  @Field(() => ID, { description: 'The locality\'s id, e.g. "dartford".' })
  id: string;

  @Field(() => LocalArea, { description: 'The local area this locality belongs to (owned by the localities service).' })
  @Directive('@external')
  localArea?: { code: string } | null;

  @Field(() => [EhcTimelinessMonth], { description: 'EHC plans issued month by month over the last 12 complete months (owned by the send service).' })
  @Directive('@external')
  ehcTimelinessLast12Months?: OwnedFigures['ehcTimelinessLast12Months'];

  @Field(() => [ServiceWaitingTimes], { description: 'Waiting times of every service over the last 12 month ends (owned by the health service).' })
  @Directive('@external')
  waitingTimesLast12Months?: OwnedFigures['waitingTimesLast12Months'];

  @Field(() => [SuspensionsMonth], { description: 'Suspensions of pupils with and without SEN over the last 12 complete months (owned by the schools service).' })
  @Directive('@external')
  suspensionsLast12Months?: OwnedFigures['suspensionsLast12Months'];

  @Field(() => [LocalitySupportMonth], { description: 'Requests for locality support and the share answered within 2 working days over the last 12 complete months (owned by the localities service).' })
  @Directive('@external')
  supportFiguresLast12Months?: OwnedFigures['supportFiguresLast12Months'];
}

/*
 * Areas and localities belong to the localities service: the representation is taken
 * as it comes, required figures included. A direct caller can forge those figures;
 * they are published aggregates with no personal data, and the board shown is only
 * as true as the figures sent, so nothing is disclosed or changed by forging them.
 */
export const resolveLocalAreaReference = (reference: LocalArea): LocalArea => reference;
export const resolveLocalityReference = (reference: Locality): Locality => reference;
