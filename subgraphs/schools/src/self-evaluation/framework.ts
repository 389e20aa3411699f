import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * The school SEND self-evaluation framework: ten dimensions, two statements each,
 * graded Emerging, Developing or Embedded, and the statutory checklist. Modelled on
 * the graded-statement tools schools use (Hertfordshire's among them). Held as code,
 * not data: a change to the framework is a release, with a migration for the codes
 * the database accepts.
 */
export enum SelfEvaluationDimension {
  LEADERSHIP = 'LEADERSHIP',
  ASSESS = 'ASSESS',
  PLAN = 'PLAN',
  DO = 'DO',
  REVIEW = 'REVIEW',
  HIGH_QUALITY_TEACHING = 'HIGH_QUALITY_TEACHING',
  USE_OF_EXPERTISE = 'USE_OF_EXPERTISE',
  PERSONALISATION = 'PERSONALISATION',
  PROGRESS_TRACKING = 'PROGRESS_TRACKING',
  COMMUNICATION_AND_COLLABORATION = 'COMMUNICATION_AND_COLLABORATION',
}
registerEnumType(SelfEvaluationDimension, {
  name: 'SelfEvaluationDimension',
  description: 'One dimension of a school\'s SEND self-evaluation.',
  valuesConfig: {
    LEADERSHIP: { description: 'Leadership and management of SEND: vision, the SENCO\'s role, governance.' },
    ASSESS: { description: 'Assess: identifying needs early and accurately.' },
    PLAN: { description: 'Plan: SEN support plans with outcomes agreed with the child and family.' },
    DO: { description: 'Do: delivering the provision the plan sets out.' },
    REVIEW: { description: 'Review: checking the impact of provision and changing it.' },
    HIGH_QUALITY_TEACHING: { description: 'High-quality teaching, adapted so that every pupil takes part.' },
    USE_OF_EXPERTISE: { description: 'Use of specialist and in-school expertise.' },
    PERSONALISATION: { description: 'Personalisation: provision matched to the individual child.' },
    PROGRESS_TRACKING: { description: 'Tracking the progress of pupils with SEND from their starting points.' },
    COMMUNICATION_AND_COLLABORATION: { description: 'Communication with families and collaboration with other agencies.' },
  },
});

/** Lowest first: a dimension is only as far along as its weakest statement. */
export enum SelfEvaluationGrade {
  EMERGING = 'EMERGING',
  DEVELOPING = 'DEVELOPING',
  EMBEDDED = 'EMBEDDED',
}
registerEnumType(SelfEvaluationGrade, {
  name: 'SelfEvaluationGrade',
  description: 'How far a statement is true of the school.',
  valuesConfig: {
    EMERGING: { description: 'Emerging: started, or true in places; evidence is not required.' },
    DEVELOPING: { description: 'Developing: true in most of the school, with evidence.' },
    EMBEDDED: { description: 'Embedded: true across the school and sustained, with evidence.' },
  },
});
export const GRADE_ORDER: readonly SelfEvaluationGrade[] = [SelfEvaluationGrade.EMERGING, SelfEvaluationGrade.DEVELOPING, SelfEvaluationGrade.EMBEDDED];

/** The statutory duties a school checks itself against (SEND Code of Practice 2015, Equality Act 2010). */
export enum StatutoryCheckItem {
  SENCO_APPOINTED = 'SENCO_APPOINTED',
  SENCO_QUALIFICATION = 'SENCO_QUALIFICATION',
  SEN_INFORMATION_REPORT_PUBLISHED = 'SEN_INFORMATION_REPORT_PUBLISHED',
  SEN_POLICY_PUBLISHED = 'SEN_POLICY_PUBLISHED',
  PARENTS_TOLD_WHEN_PROVISION_STARTS = 'PARENTS_TOLD_WHEN_PROVISION_STARTS',
  ACCESSIBILITY_PLAN = 'ACCESSIBILITY_PLAN',
  GOVERNOR_FOR_SEND = 'GOVERNOR_FOR_SEND',
}
registerEnumType(StatutoryCheckItem, {
  name: 'StatutoryCheckItem',
  description: 'One item of the statutory SEND checklist a school answers yes or no.',
  valuesConfig: {
    SENCO_APPOINTED: { description: 'A qualified teacher is designated as the SENCO (Code of Practice 6.84).' },
    SENCO_QUALIFICATION: { description: 'The SENCO holds the national SENCO qualification, or will within 3 years of taking up the post (6.85).' },
    SEN_INFORMATION_REPORT_PUBLISHED: { description: 'The SEN information report is published on the school website and updated at least once a year (6.79).' },
    SEN_POLICY_PUBLISHED: { description: 'The SEN policy is published and reviewed.' },
    PARENTS_TOLD_WHEN_PROVISION_STARTS: { description: 'Parents are told when their child starts receiving SEN provision (6.43).' },
    ACCESSIBILITY_PLAN: { description: 'An accessibility plan is in place and reviewed (Equality Act 2010, schedule 10).' },
    GOVERNOR_FOR_SEND: { description: 'A governor or trustee oversees the school\'s arrangements for SEND.' },
  },
});
export const STATUTORY_CHECK_ITEMS: readonly StatutoryCheckItem[] = Object.values(StatutoryCheckItem);

@ObjectType({ description: 'One statement of the SEND self-evaluation framework, which a school grades.' })
export class SelfEvaluationFrameworkStatement {
  @Field(() => String, { description: 'The statement\'s code, e.g. "LEADERSHIP_1": what a self-evaluation names it by.' })
  code: string;

  @Field(() => SelfEvaluationDimension, { description: 'The dimension it belongs to.' })
  dimension: SelfEvaluationDimension;

  @Field(() => String, { description: 'The statement, as the school reads it.' })
  text: string;
}

const S = (dimension: SelfEvaluationDimension, n: number, text: string): SelfEvaluationFrameworkStatement => ({ code: `${dimension}_${n}`, dimension, text });
const D = SelfEvaluationDimension;

/** Every statement, in the order the framework presents them. */
export const FRAMEWORK: readonly SelfEvaluationFrameworkStatement[] = [
  S(D.LEADERSHIP, 1, 'Leaders share a clear vision for inclusion with all staff, and SEND is part of the school improvement plan.'),
  S(D.LEADERSHIP, 2, 'The SENCO is part of, or reports to, the senior leadership team, with the time and resources the role needs.'),
  S(D.ASSESS, 1, 'Needs are identified early, from a range of assessments and the views of the child and their parents.'),
  S(D.ASSESS, 2, 'Staff know when and how to ask for specialist assessment, and ask without delay.'),
  S(D.PLAN, 1, 'Each child on SEN support has a plan whose outcomes were agreed with them and their parents.'),
  S(D.PLAN, 2, 'Plans say what provision is made, who delivers it and how often.'),
  S(D.DO, 1, 'Provision is delivered as planned, and class teachers stay responsible for the child\'s progress.'),
  S(D.DO, 2, 'Interventions are evidence based, and the staff delivering them are trained.'),
  S(D.REVIEW, 1, 'Plans are reviewed at least termly with the child and their parents.'),
  S(D.REVIEW, 2, 'Reviews look at the impact of provision and change it when it is not working.'),
  S(D.HIGH_QUALITY_TEACHING, 1, 'Teaching is adapted so that pupils with SEND take a full part in lessons.'),
  S(D.HIGH_QUALITY_TEACHING, 2, 'Classrooms are set up to reduce barriers: visual timetables, seating, quiet spaces.'),
  S(D.USE_OF_EXPERTISE, 1, 'The school uses specialist advice (educational psychology, therapies, outreach) and acts on it.'),
  S(D.USE_OF_EXPERTISE, 2, 'Staff share expertise across the school through coaching and training.'),
  S(D.PERSONALISATION, 1, 'Provision is matched to the individual child, not only to their type of need.'),
  S(D.PERSONALISATION, 2, 'The child\'s interests and aspirations shape their plan.'),
  S(D.PROGRESS_TRACKING, 1, 'The progress of pupils with SEND is tracked against their starting points.'),
  S(D.PROGRESS_TRACKING, 2, 'Leaders and governors use the tracking to judge whether provision is working.'),
  S(D.COMMUNICATION_AND_COLLABORATION, 1, 'Parents are told when SEN provision starts and are partners in planning and review.'),
  S(D.COMMUNICATION_AND_COLLABORATION, 2, 'The school works with health, social care and the locality team around the child.'),
];

export const FRAMEWORK_BY_CODE: ReadonlyMap<string, SelfEvaluationFrameworkStatement> = new Map(FRAMEWORK.map((s) => [s.code, s]));
