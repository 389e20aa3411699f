import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { School } from '../school/school.js';
import { FRAMEWORK, FRAMEWORK_BY_CODE, GRADE_ORDER, SelfEvaluationDimension, SelfEvaluationFrameworkStatement, SelfEvaluationGrade, STATUTORY_CHECK_ITEMS } from './framework.js';
import { SelfEvaluationStatement, SendAction, SendSelfEvaluation, StatutoryCheck } from './self-evaluation.js';
import { assertMaySeeSelfEvaluation } from './self-evaluation.access.js';
import { latestEvaluationLoader } from './self-evaluation.loaders.js';

@ObjectType({ description: 'Where a school judged itself on one dimension: the lowest grade of its statements, since a dimension is only as far along as its weakest part.' })
export class DimensionGrade {
  @Field(() => SelfEvaluationDimension, { description: 'The dimension.' })
  dimension: SelfEvaluationDimension;

  @Field(() => SelfEvaluationGrade, { description: 'The lowest grade the school gave a statement of this dimension.' })
  grade: SelfEvaluationGrade;
}

/** A dimension's grade: the lowest of its statements' grades. */
export function dimensionGrades(statements: readonly Pick<SelfEvaluationStatement, 'dimension' | 'grade'>[]): DimensionGrade[] {
  const lowest = new Map<SelfEvaluationDimension, number>();
  for (const s of statements) lowest.set(s.dimension, Math.min(lowest.get(s.dimension) ?? GRADE_ORDER.length, GRADE_ORDER.indexOf(s.grade)));
  return Object.values(SelfEvaluationDimension)
    .filter((dimension) => lowest.has(dimension))
    .map((dimension) => ({ dimension, grade: GRADE_ORDER[lowest.get(dimension)!]! }));
}

@Resolver(() => School)
export class SchoolSelfEvaluationResolver {
  @FieldResolver(() => SendSelfEvaluation, {
    nullable: true,
    description:
      "The school's latest SEND self-evaluation, or empty when it has recorded none. Only for administrators, the SEND team, the school's SENCO and its locality leads; others see the summaries across schools.",
  })
  sendSelfEvaluation(@Root() school: School, @Ctx() ctx: SubgraphContext): Promise<SendSelfEvaluation | null> {
    assertMaySeeSelfEvaluation(ctx.viewer, school, 'School.sendSelfEvaluation');
    return latestEvaluationLoader(ctx).load(school.urn);
  }

  @FieldResolver(() => [SendSelfEvaluation], {
    nullable: true,
    description: "Every SEND self-evaluation the school has recorded, latest first. Seen by the same people as sendSelfEvaluation.",
  })
  sendSelfEvaluations(@Root() school: School, @Ctx() ctx: SubgraphContext): Promise<SendSelfEvaluation[]> {
    assertMaySeeSelfEvaluation(ctx.viewer, school, 'School.sendSelfEvaluations');
    return ctx.loaders.many(SendSelfEvaluation, 'schoolUrn', { evaluatedDate: 'DESC' }).load(school.urn);
  }
}

@Resolver(() => SendSelfEvaluation)
export class SendSelfEvaluationResolver {
  @Query(() => [SelfEvaluationFrameworkStatement], { description: 'The statements of the SEND self-evaluation framework a school grades, dimension by dimension.' })
  selfEvaluationFramework(): readonly SelfEvaluationFrameworkStatement[] {
    return FRAMEWORK;
  }

  @FieldResolver(() => School, { description: 'The school that evaluated itself.' })
  async school(@Root() evaluation: SendSelfEvaluation, @Ctx() ctx: SubgraphContext): Promise<School> {
    return (await ctx.loaders.one(School, 'urn').load(evaluation.schoolUrn))!;
  }

  @FieldResolver(() => [SelfEvaluationStatement], { description: 'Every statement as the school graded it, in the order of the framework.' })
  async statements(@Root() evaluation: SendSelfEvaluation, @Ctx() ctx: SubgraphContext): Promise<SelfEvaluationStatement[]> {
    const rows = await ctx.loaders.many(SelfEvaluationStatement, 'evaluationId').load(evaluation.id);
    const order = (code: string) => FRAMEWORK.indexOf(FRAMEWORK_BY_CODE.get(code)!);
    return [...rows].sort((a, b) => order(a.code) - order(b.code));
  }

  @FieldResolver(() => [DimensionGrade], { description: 'Each dimension\'s grade: the lowest grade of its statements.' })
  async dimensions(@Root() evaluation: SendSelfEvaluation, @Ctx() ctx: SubgraphContext): Promise<DimensionGrade[]> {
    return dimensionGrades(await ctx.loaders.many(SelfEvaluationStatement, 'evaluationId').load(evaluation.id));
  }

  @FieldResolver(() => [StatutoryCheck], { description: 'The statutory checklist, every item answered, in the order of the checklist.' })
  async checklist(@Root() evaluation: SendSelfEvaluation, @Ctx() ctx: SubgraphContext): Promise<StatutoryCheck[]> {
    const rows = await ctx.loaders.many(StatutoryCheck, 'evaluationId').load(evaluation.id);
    return [...rows].sort((a, b) => STATUTORY_CHECK_ITEMS.indexOf(a.item) - STATUTORY_CHECK_ITEMS.indexOf(b.item));
  }

  @FieldResolver(() => [SendAction], { description: 'The action plan drawn up from this self-evaluation, in order.' })
  actionPlan(@Root() evaluation: SendSelfEvaluation, @Ctx() ctx: SubgraphContext): Promise<SendAction[]> {
    return ctx.loaders.many(SendAction, 'evaluationId', { sortOrder: 'ASC' }).load(evaluation.id);
  }
}

@Resolver(() => SelfEvaluationStatement)
export class SelfEvaluationStatementResolver {
  @FieldResolver(() => String, { description: 'The statement, as the framework words it.' })
  text(@Root() statement: SelfEvaluationStatement): string {
    return FRAMEWORK_BY_CODE.get(statement.code)?.text ?? statement.code;
  }
}
