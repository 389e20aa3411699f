import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Child } from '../child/child.js';
import { Locality } from '../locality/locality.js';
import { Professional } from '../professional/professional.js';
import { School } from '../school/school.js';
import { SupportRequest } from '../support-request/support-request.js';
import { MyWorldAssessment, MyWorldSide } from './my-world-assessment.js';

@Resolver(() => Child)
export class ChildMyWorldResolver {
  @FieldResolver(() => [MyWorldAssessment], { nullable: true, description: "The child's My World assessments, newest first." })
  myWorldAssessments(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<MyWorldAssessment[]> {
    return ctx.loaders.many(MyWorldAssessment, 'childId', { completedOn: 'DESC', id: 'DESC' }).load(child.id);
  }
}

const side = (strengths: string, pressures: string): MyWorldSide => ({ strengths, pressures });

@Resolver(() => MyWorldAssessment)
export class MyWorldAssessmentResolver {
  @FieldResolver(() => Child, { nullable: true, description: 'The child it is about.' })
  child(@Root() assessment: MyWorldAssessment, @Ctx() ctx: SubgraphContext): Promise<Child | null> {
    return ctx.loaders.one(Child, 'id').load(assessment.childId);
  }

  @FieldResolver(() => School, { nullable: true, description: 'The school that completed it.' })
  school(@Root() assessment: MyWorldAssessment): School {
    return { urn: assessment.schoolUrn };
  }

  @FieldResolver(() => Locality, { nullable: true, description: 'The locality it was sent to: where the child lived when it was completed.' })
  locality(@Root() assessment: MyWorldAssessment, @Ctx() ctx: SubgraphContext): Promise<Locality | null> {
    return ctx.loaders.one(Locality, 'id').load(assessment.localityId);
  }

  @FieldResolver(() => MyWorldSide, { nullable: true, description: 'How I grow and develop: health, learning, feelings and behaviour, becoming independent.' })
  howIGrowAndDevelop(@Root() assessment: MyWorldAssessment): MyWorldSide {
    return side(assessment.growStrengths, assessment.growPressures);
  }

  @FieldResolver(() => MyWorldSide, { nullable: true, description: 'What I need from the people who look after me: care, safety, guidance, stability, being understood.' })
  whatINeedFromThePeopleWhoLookAfterMe(@Root() assessment: MyWorldAssessment): MyWorldSide {
    return side(assessment.careStrengths, assessment.carePressures);
  }

  @FieldResolver(() => MyWorldSide, { nullable: true, description: 'My wider world: family and friends, school, community, money and housing.' })
  myWiderWorld(@Root() assessment: MyWorldAssessment): MyWorldSide {
    return side(assessment.worldStrengths, assessment.worldPressures);
  }

  @FieldResolver(() => Professional, { nullable: true, description: 'The professional record of whoever completed it, when they have one on this platform.' })
  completedByProfessional(@Root() assessment: MyWorldAssessment, @Ctx() ctx: SubgraphContext): Promise<Professional | null> | null {
    return assessment.completedByProfessionalId ? ctx.loaders.one(Professional, 'id').load(assessment.completedByProfessionalId) : null;
  }

  @FieldResolver(() => SupportRequest, { nullable: true, description: "The request for support it was sent to the locality's single point of contact with." })
  supportRequest(@Root() assessment: MyWorldAssessment, @Ctx() ctx: SubgraphContext): Promise<SupportRequest | null> {
    return ctx.loaders.one(SupportRequest, 'assessmentId').load(assessment.id);
  }
}
