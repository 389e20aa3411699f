import { Field, ObjectType } from 'type-graphql';
import { ProtectedCount, protectBreakdown, protectCount, toProtectedCount } from '@local-area-graph/disclosure';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { SelfEvaluationDimension, StatutoryCheckItem, STATUTORY_CHECK_ITEMS } from './framework.js';

@ObjectType({ description: 'How many schools judged themselves at each grade on one dimension (a school\'s grade on a dimension is the lowest of its statements).' })
export class DimensionSummary {
  @Field(() => SelfEvaluationDimension, { description: 'The dimension.' })
  dimension: SelfEvaluationDimension;

  @Field(() => ProtectedCount, { description: 'Schools at Emerging.' })
  emerging: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Schools at Developing.' })
  developing: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Schools at Embedded.' })
  embedded: ProtectedCount;
}

@ObjectType({ description: 'How many schools meet one item of the statutory checklist.' })
export class StatutoryCheckSummary {
  @Field(() => StatutoryCheckItem, { description: 'The duty.' })
  item: StatutoryCheckItem;

  @Field(() => ProtectedCount, { description: 'Schools that say they meet it.' })
  met: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Schools that say they do not.' })
  notMet: ProtectedCount;
}

@ObjectType({
  description:
    "Schools' latest SEND self-evaluations summed up for a SEND board: per dimension the schools at each grade, and per statutory duty the schools meeting it. Counts are of schools, protected like every aggregate (DfE rule: 1 to 5 withheld, with a second count withheld where the total would reveal them), so that no school's own judgement, which only some roles may read, can be picked out of a summary.",
})
export class SelfEvaluationSummary {
  @Field(() => LocalDateScalar, { description: 'The day the summary describes (today): each school\'s latest self-evaluation by then.' })
  asOf: string;

  @Field(() => ProtectedCount, { description: 'Schools that have recorded a self-evaluation.' })
  schoolsEvaluated: ProtectedCount;

  @Field(() => [DimensionSummary], { description: 'One line per dimension, in the order of the framework.' })
  dimensions: DimensionSummary[];

  @Field(() => [StatutoryCheckSummary], { description: 'One line per item of the statutory checklist.' })
  checklist: StatutoryCheckSummary[];
}

/** Raw counts of schools for one locality or area; never leave the service. */
export interface SummaryCounts {
  evaluated: number;
  /** dimension → [emerging, developing, embedded] */
  dimensions: Map<string, [number, number, number]>;
  /** item → schools meeting it (the rest of `evaluated` do not). */
  met: Map<string, number>;
}

/**
 * Each dimension's three grades add up to the schools evaluated, and so does each
 * duty's met and not met: each line is protected as a breakdown of that total, so a
 * withheld count cannot be had by subtraction.
 */
export function protectSummary(counts: SummaryCounts, asOf: string): SelfEvaluationSummary {
  const evaluated = counts.evaluated;
  const dimensions = Object.values(SelfEvaluationDimension).map((dimension) => {
    const [emerging, developing, embedded] = counts.dimensions.get(dimension) ?? [0, 0, 0];
    const { cells } = protectBreakdown({ emerging, developing, embedded }, evaluated, 'DFE');
    return { dimension, emerging: toProtectedCount(cells.emerging!), developing: toProtectedCount(cells.developing!), embedded: toProtectedCount(cells.embedded!) };
  });
  const checklist = STATUTORY_CHECK_ITEMS.map((item) => {
    const met = counts.met.get(item) ?? 0;
    const { cells } = protectBreakdown({ met, notMet: evaluated - met }, evaluated, 'DFE');
    return { item, met: toProtectedCount(cells.met!), notMet: toProtectedCount(cells.notMet!) };
  });
  // Under the DfE rule a breakdown withholds its total only when the total is itself
  // 1 to 5, so the total published once here agrees with every line above.
  return { asOf, schoolsEvaluated: toProtectedCount(protectCount(evaluated, 'DFE')), dimensions, checklist };
}
