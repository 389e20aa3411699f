/**
 * Schools' SEND self-evaluations, drawn per school from a stream of their own: most
 * schools evaluated themselves last year and again this year, grading each statement
 * of the framework around a level of their own (special schools further along), with
 * evidence, answering the statutory checklist (nearly always yes) and keeping an
 * action plan of 2–4 lines, the older plan's lines mostly completed.
 */
import { isoOf } from './calendar.js';
import type { Random } from './random.js';
import type { SchoolRecord, SelfEvaluationGrade, SelfEvaluationRecord, SelfEvaluationStatementRecord, SendActionRecord, StatutoryCheckRecord } from './types.js';

/** The statement codes of the schools subgraph's framework, two per dimension (its tests check they agree). */
export const SELF_EVALUATION_STATEMENT_CODES: readonly string[] = [
  'LEADERSHIP',
  'ASSESS',
  'PLAN',
  'DO',
  'REVIEW',
  'HIGH_QUALITY_TEACHING',
  'USE_OF_EXPERTISE',
  'PERSONALISATION',
  'PROGRESS_TRACKING',
  'COMMUNICATION_AND_COLLABORATION',
].flatMap((dimension) => [`${dimension}_1`, `${dimension}_2`]);

/** The statutory checklist items, in order. */
export const STATUTORY_CHECK_ITEMS: readonly string[] = [
  'SENCO_APPOINTED',
  'SENCO_QUALIFICATION',
  'SEN_INFORMATION_REPORT_PUBLISHED',
  'SEN_POLICY_PUBLISHED',
  'PARENTS_TOLD_WHEN_PROVISION_STARTS',
  'ACCESSIBILITY_PLAN',
  'GOVERNOR_FOR_SEND',
];

const GRADES: readonly SelfEvaluationGrade[] = ['EMERGING', 'DEVELOPING', 'EMBEDDED'];

const EVIDENCE = [
  'Learning walks this term; SEN support plans sampled by the SENCO.',
  'Termly review records and parent feedback forms.',
  'Provision map and intervention tracking data.',
  'Staff training log and coaching notes.',
  'Governor SEND visit report.',
  'Pupil voice survey and case studies.',
  'Minutes of the locality inclusion meeting.',
  'Educational psychology and speech and language therapy reports acted on.',
];

const CHECK_NOTES: Readonly<Record<string, string>> = {
  SENCO_APPOINTED: 'SENCO in post since September.',
  SENCO_QUALIFICATION: 'SENCO starting the NPQ for SENCOs this year.',
  SEN_INFORMATION_REPORT_PUBLISHED: 'Report due for its annual update.',
  SEN_POLICY_PUBLISHED: 'Policy under review by governors.',
  PARENTS_TOLD_WHEN_PROVISION_STARTS: 'Letters not always sent; new template agreed.',
  ACCESSIBILITY_PLAN: 'Plan lapsed; being rewritten with the site manager.',
  GOVERNOR_FOR_SEND: 'Link governor post vacant.',
};

const ACTIONS: ReadonlyArray<readonly [target: string, actions: string, who: string, resources: string | null]> = [
  ['Every SEN support plan reviewed termly with the child and parents', 'Review calendar set for the year; parents invited two weeks ahead; SENCO samples six plans a term.', 'SENCO', 'Half a day a week of SENCO time'],
  ['Teachers adapt lessons for pupils with SEND in every class', 'Whole-staff training on adaptive teaching; learning walks with feedback.', 'Deputy headteacher', 'Two INSET sessions'],
  ['Needs identified within the first half term', 'Screening for reading and language on entry; concerns logged within two weeks.', 'SENCO', null],
  ['Fewer suspensions of pupils with SEND', 'Behaviour policy reviewed with reasonable adjustments; early referral to the locality team.', 'Headteacher', 'Locality inclusion support lead time'],
  ['Parents told in writing when SEN provision starts', 'Letter template agreed and logged on the pupil record.', 'SEN administrator', null],
  ['SEN information report updated and published', 'Report rewritten with the parent carer forum and published on the website.', 'SENCO with the link governor', null],
  ['Progress of pupils with SEND tracked from their starting points', 'Small-steps tracking introduced; termly progress meeting with class teachers.', 'Assessment lead', 'Tracking software licence'],
];

export interface DemoSchoolSelfEvaluations {
  selfEvaluations: SelfEvaluationRecord[];
  selfEvaluationStatements: SelfEvaluationStatementRecord[];
  statutoryChecks: StatutoryCheckRecord[];
  sendActions: SendActionRecord[];
}

/** Every school's self-evaluations, each school from its own fork of `random`. */
export function generateSelfEvaluations(schools: readonly SchoolRecord[], asOf: number, random: Random): DemoSchoolSelfEvaluations {
  const out: DemoSchoolSelfEvaluations = { selfEvaluations: [], selfEvaluationStatements: [], statutoryChecks: [], sendActions: [] };
  schools.forEach((school, s) => {
    const stream = random.fork(s);
    // About 1 in 8 schools has recorded none.
    if (stream.chance(0.12)) return;
    let level = school.phase === 'SPECIAL' ? 1.5 : 0.4 + stream.next() * 1.4;
    const evaluations = stream.chance(0.7) ? 2 : 1;
    for (let e = evaluations - 1; e >= 0; e--) {
      const day = asOf - e * 365 - stream.int(20, 120);
      const evaluation: SelfEvaluationRecord = {
        id: stream.uuid(),
        schoolUrn: school.urn,
        evaluatedDate: isoOf(day),
        completedBy: stream.pick(['SENCO with the headteacher', 'SENCO and SEND link governor', 'Inclusion lead and SENCO', 'SENCO']),
        recordedBy: `senco.${school.urn}`,
      };
      out.selfEvaluations.push(evaluation);
      for (const code of SELF_EVALUATION_STATEMENT_CODES) {
        const grade = GRADES[Math.max(0, Math.min(2, Math.round(level + stream.normal() * 0.6)))]!;
        out.selfEvaluationStatements.push({ evaluationId: evaluation.id, code, grade, evidence: grade === 'EMERGING' && stream.chance(0.6) ? null : stream.pick(EVIDENCE) });
      }
      for (const item of STATUTORY_CHECK_ITEMS) {
        const met = !stream.chance(item === 'SENCO_APPOINTED' ? 0.01 : 0.08);
        out.statutoryChecks.push({ evaluationId: evaluation.id, item, met, note: met ? null : CHECK_NOTES[item]! });
      }
      const lines = stream.int(2, 4);
      const start = stream.int(0, ACTIONS.length - 1);
      for (let i = 0; i < lines; i++) {
        const [target, actions, personResponsible, resources] = ACTIONS[(start + i) % ACTIONS.length]!;
        // Last year's plan is mostly done; this year's has barely started.
        const done = stream.chance(e > 0 ? 0.8 : 0.1);
        const completed = Math.min(asOf - 1, day + stream.int(60, 300));
        out.sendActions.push({
          id: stream.uuid(),
          evaluationId: evaluation.id,
          sortOrder: i + 1,
          target,
          actions,
          personResponsible,
          resources,
          evidenceOfImpact: done ? stream.pick(['Plan audit shows every review held on time.', 'Fewer pupils with SEND on part-time timetables.', 'Parent survey: confidence up from 61% to 78%.', 'Learning walks: adaptations seen in 9 of 10 lessons.']) : null,
          dateCompleted: done ? isoOf(completed) : null,
        });
      }
      level = Math.min(2, level + stream.next() * 0.4);
    }
  });
  return out;
}
