/**
 * The SEND improvement board's plan for the demo area, modelled on Kent's written
 * statement of action: nine areas of weakness grouped into five workstreams (A to E),
 * the measures that track them (each bound to a figure another subgraph owns),
 * targets, action-plan lines with a history of RAG updates, and the board's members.
 * The words are the plan's; the RAG history is drawn from a stream of its own.
 */
import { isoOf } from './calendar.js';
import type { Random } from './random.js';
import type {
  ActionPlanLineRecord,
  AreaOfWeaknessRecord,
  BoardMemberRecord,
  LocalityRecord,
  MeasureKind,
  MeasureRecord,
  MeasureTargetRecord,
  Rag,
  RagChangeRecord,
  WorkstreamRecord,
} from './types.js';

export interface DemoImprovementPlan {
  workstreams: WorkstreamRecord[];
  areasOfWeakness: AreaOfWeaknessRecord[];
  measures: MeasureRecord[];
  measureTargets: MeasureTargetRecord[];
  actionPlanLines: ActionPlanLineRecord[];
  ragChanges: RagChangeRecord[];
  boardMembers: BoardMemberRecord[];
}

/** Who sits on the board; their token subjects are what the demo's tokens name. */
export const DEMO_BOARD_MEMBERS: ReadonlyArray<readonly [subject: string, name: string, roleOnBoard: string]> = [
  ['board.chair', 'Sarah Hammond', 'Chair: Corporate Director, Children, Young People and Education'],
  ['board.health', 'Dr Priya Raman', 'Designated Clinical Officer for SEND, Integrated Care Board'],
  ['board.parents', 'Helen Ashdown', 'Parent carer forum co-chair'],
  ['board.send', 'Mark Ellison', 'Assistant Director, SEND'],
];

interface MeasurePlan {
  name: string;
  kind: MeasureKind;
  serviceCode?: string;
  weakness: number;
  /** The area's target: value, amber threshold, direction, by when, why. */
  target: readonly [number, number, 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER', string, string];
}

interface LinePlan {
  weakness: number;
  recommendation: string;
  how: string;
  who: string;
  byWhen: string;
  impactMeasure: string;
}

interface WorkstreamPlan {
  letter: string;
  title: string;
  lead: string;
  weaknesses: ReadonlyArray<readonly [number, string]>;
  measures: readonly MeasurePlan[];
  lines: readonly LinePlan[];
}

const PLAN: readonly WorkstreamPlan[] = [
  {
    letter: 'A',
    title: 'Parental engagement and co-production',
    lead: 'Parent carer forum co-chair with the Assistant Director, SEND',
    weaknesses: [
      [1, 'Parents and carers have little confidence in the local area; communication with families is poor and co-production is not embedded.'],
      [2, 'The local offer is not well known or used by families and professionals.'],
    ],
    measures: [],
    lines: [
      { weakness: 1, recommendation: 'Co-produce the SEND strategy with the parent carer forum', how: 'Monthly co-production group; the forum signs off each chapter', who: 'Parent carer forum and SEND strategy lead', byWhen: '2027-03-31', impactMeasure: 'Parent survey: confidence in the local area' },
      { weakness: 2, recommendation: 'Relaunch the local offer', how: 'Rewrite with families; promote through schools, GPs and the locality teams', who: 'Local offer manager', byWhen: '2027-01-31', impactMeasure: 'Local offer visits and feedback' },
    ],
  },
  {
    letter: 'B',
    title: 'Inclusive practice and the outcomes, progress and attainment of children with SEND',
    lead: 'Director of Education',
    weaknesses: [
      [3, 'Too many children with SEND are suspended, excluded or on part-time timetables; inclusive practice in mainstream schools is inconsistent.'],
      [4, 'Children with SEND make poor progress and attain poorly compared with children with SEND nationally.'],
    ],
    measures: [
      { name: 'Suspensions of pupils with SEN', kind: 'SUSPENSIONS_OF_PUPILS_WITH_SEN', weakness: 3, target: [20, 30, 'LOWER_IS_BETTER', '2027-07-31', 'Written statement of action: halve suspensions of pupils with SEN within two years'] },
      // B, not D: the response is how a school's first call about a child at risk of
      // suspension is met (the inclusion-panel line below), so it answers weakness 3.
      { name: 'Requests for locality support answered within 2 working days', kind: 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS', weakness: 3, target: [0.9, 0.8, 'HIGHER_IS_BETTER', '2027-03-31', 'The locality model\'s standard: 9 in 10 requests answered within 2 working days'] },
    ],
    lines: [
      { weakness: 3, recommendation: 'Every locality runs an inclusion panel before a suspension becomes a pattern', how: 'Schools refer after a first suspension (My World assessment); the locality responds within 2 working days', who: 'Locality inclusion leads', byWhen: '2026-12-31', impactMeasure: 'Suspensions of pupils with SEN' },
      { weakness: 3, recommendation: 'Mainstream schools self-evaluate their SEND provision every year', how: 'The SEND self-evaluation framework, moderated in locality clusters', who: 'SENCO network and the school improvement team', byWhen: '2027-07-31', impactMeasure: 'Schools embedded on high-quality teaching' },
      { weakness: 4, recommendation: 'Track the progress of pupils with SEND from their starting points', how: 'Small-steps tracking shared with the local authority termly', who: 'School improvement team', byWhen: '2027-07-31', impactMeasure: 'Key stage 2 progress of pupils on SEN support' },
    ],
  },
  {
    letter: 'C',
    title: 'Quality of EHC plans and timeliness',
    lead: 'Assistant Director, SEND',
    weaknesses: [
      [5, 'EHC plans are of poor quality; contributions from health and social care are weak.'],
      [6, 'Too few EHC needs assessments are completed within 20 weeks; there is a backlog.'],
    ],
    measures: [
      { name: 'EHC plans issued within 20 weeks', kind: 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS', weakness: 6, target: [0.6, 0.45, 'HIGHER_IS_BETTER', '2027-08-31', 'Above the national 46.4% (2024) by summer 2027'] },
    ],
    lines: [
      { weakness: 6, recommendation: 'Clear the backlog of assessments over 20 weeks', how: 'Additional case officers and educational psychologists; weekly backlog panel', who: 'Head of SEND assessment', byWhen: '2027-03-31', impactMeasure: 'EHC plans issued within 20 weeks' },
      { weakness: 5, recommendation: 'Health and social care advice arrives within 6 weeks', how: 'Advice requests tracked by the Designated Clinical Officer; escalation at week 5', who: 'Designated Clinical Officer', byWhen: '2027-01-31', impactMeasure: 'Advice received within 6 weeks' },
      { weakness: 5, recommendation: 'Quality-assure EHC plans with families', how: 'Multi-agency audit of 20 plans a month with the parent carer forum', who: 'SEND quality assurance lead', byWhen: '2027-06-30', impactMeasure: 'Plans audited as good or better' },
    ],
  },
  {
    letter: 'D',
    title: 'Joint commissioning and governance',
    lead: 'Director of Commissioning with the Integrated Care Board',
    weaknesses: [[7, 'Leaders across education, health and care do not commission jointly; governance of the improvement plan is weak.']],
    measures: [],
    lines: [
      { weakness: 7, recommendation: 'A joint commissioning strategy for SEND agreed by the council and the ICB', how: 'Joint needs assessment; pooled budget for therapies', who: 'Joint commissioning manager', byWhen: '2027-04-30', impactMeasure: 'Strategy signed off by both boards' },
      { weakness: 7, recommendation: 'The board sees one set of figures, month by month', how: 'The platform\'s board view replaces separate returns from each agency', who: 'Performance and intelligence lead', byWhen: '2026-12-31', impactMeasure: 'Board papers drawn from the platform' },
    ],
  },
  {
    letter: 'E',
    title: 'Service provision: waiting times',
    lead: 'Designated Clinical Officer for SEND',
    weaknesses: [
      [8, 'Children wait too long for CAMHS, speech and language therapy, wheelchairs and autism and ADHD assessment.'],
      [9, 'Access to therapies differs from one part of the county to another.'],
    ],
    measures: [
      { name: 'Children waiting 52 weeks or more for CAMHS', kind: 'WAITING_52_WEEKS_OR_MORE', serviceCode: 'CAMHS', weakness: 8, target: [10, 25, 'LOWER_IS_BETTER', '2027-03-31', 'No child waits a year for CAMHS by 2028; on the way, fewer than 10'] },
      { name: 'Children waiting 52 weeks or more for an autism assessment', kind: 'WAITING_52_WEEKS_OR_MORE', serviceCode: 'ASD_ASSESSMENT', weakness: 8, target: [15, 40, 'LOWER_IS_BETTER', '2027-06-30', 'Autism assessment backlog halved by summer 2027'] },
      { name: 'Share waiting under 18 weeks for speech and language therapy', kind: 'WAITING_UNDER_18_WEEKS', serviceCode: 'SALT', weakness: 9, target: [0.92, 0.8, 'HIGHER_IS_BETTER', '2027-03-31', 'The 18-week standard: 92% waiting under 18 weeks'] },
      { name: 'Share waiting under 18 weeks for a wheelchair', kind: 'WAITING_UNDER_18_WEEKS', serviceCode: 'WHEELCHAIR', weakness: 8, target: [0.92, 0.8, 'HIGHER_IS_BETTER', '2027-03-31', 'The 18-week standard: 92% waiting under 18 weeks'] },
    ],
    lines: [
      { weakness: 8, recommendation: 'Cut the CAMHS waiting list', how: 'Single point of access; extra capacity from the voluntary sector for lower-level need', who: 'CAMHS service manager', byWhen: '2027-03-31', impactMeasure: 'Children waiting 52 weeks or more for CAMHS' },
      { weakness: 8, recommendation: 'A neurodevelopmental pathway for autism and ADHD', how: 'Joint assessment clinics; support offered while waiting', who: 'Community paediatrics clinical lead', byWhen: '2027-06-30', impactMeasure: 'Children waiting 52 weeks or more for an autism assessment' },
      { weakness: 9, recommendation: 'The same therapy offer in every locality', how: 'Therapists based in locality hubs; waiting lists held county-wide', who: 'Head of children\'s therapies', byWhen: '2027-09-30', impactMeasure: 'Share waiting under 18 weeks for speech and language therapy' },
    ],
  },
];

const UPDATES: Readonly<Record<Rag, readonly string[]>> = {
  RED: ['Behind plan: recruitment has not filled the posts.', 'No progress this month; escalated to the board.', 'Slipped: the partner has not agreed the funding.'],
  AMBER: ['Started, but later than planned.', 'Progress made; the date is at risk.', 'On track in most localities, behind in two.'],
  GREEN: ['On track.', 'Delivered as planned; impact being measured.', 'Ahead of plan this month.'],
};

/** The board's plan for an area, with RAG histories over the nine months before `asOf`. */
export function generateImprovementPlan(localAreaCode: string, localities: readonly LocalityRecord[], asOf: number, random: Random): DemoImprovementPlan {
  const plan: DemoImprovementPlan = { workstreams: [], areasOfWeakness: [], measures: [], measureTargets: [], actionPlanLines: [], ragChanges: [], boardMembers: [] };
  const [chair, health, parents, send] = DEMO_BOARD_MEMBERS.map(([subject, name]) => ({ subject, name }));
  const setters = [chair!, health!, send!];
  const updaters = [send!, health!, parents!, chair!];
  const setAt = isoOf(asOf - 200) + 'T10:00:00.000Z';
  for (const [subject, name, roleOnBoard] of DEMO_BOARD_MEMBERS) plan.boardMembers.push({ id: random.uuid(), localAreaCode, subject, name, roleOnBoard });
  PLAN.forEach((w, wi) => {
    const workstream: WorkstreamRecord = { id: random.uuid(), localAreaCode, letter: w.letter, title: w.title, lead: w.lead };
    plan.workstreams.push(workstream);
    const weaknessIds = new Map<number, string>();
    for (const [number, description] of w.weaknesses) {
      const id = random.uuid();
      weaknessIds.set(number, id);
      plan.areasOfWeakness.push({ id, workstreamId: workstream.id, number, description });
    }
    w.measures.forEach((m, mi) => {
      const measure: MeasureRecord = { id: random.uuid(), workstreamId: workstream.id, areaOfWeaknessId: weaknessIds.get(m.weakness) ?? null, name: m.name, kind: m.kind, serviceCode: m.serviceCode ?? null, sortOrder: mi + 1 };
      plan.measures.push(measure);
      const [value, amberThreshold, direction, byDate, reason] = m.target;
      const setter = setters[(wi + mi) % setters.length]!;
      plan.measureTargets.push({ id: random.uuid(), measureId: measure.id, localityId: null, value, amberThreshold, direction, byDate, reason, setBy: setter.subject, setByName: setter.name, setAt });
      // Each locality's single point of contact answers its own requests: each locality
      // holds the 2-working-day standard as a target of its own.
      if (m.kind === 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS') {
        for (const locality of localities) {
          plan.measureTargets.push({
            id: random.uuid(),
            measureId: measure.id,
            localityId: locality.id,
            value,
            amberThreshold,
            direction,
            byDate,
            reason: `${locality.name}'s single point of contact holds the county's 2-working-day standard`,
            setBy: setter.subject,
            setByName: setter.name,
            setAt,
          });
        }
      }
      // Counts need a locality's own target: the first two localities have one for each count measure.
      if (m.kind === 'WAITING_52_WEEKS_OR_MORE' || m.kind === 'SUSPENSIONS_OF_PUPILS_WITH_SEN') {
        for (const locality of localities.slice(0, 2)) {
          plan.measureTargets.push({
            id: random.uuid(),
            measureId: measure.id,
            localityId: locality.id,
            value: Math.max(0, Math.round(value / 6)),
            amberThreshold: Math.max(1, Math.round(amberThreshold / 6)),
            direction,
            byDate,
            reason: `${locality.name}'s share of the county target`,
            setBy: setter.subject,
            setByName: setter.name,
            setAt,
          });
        }
      }
    });
    w.lines.forEach((l, li) => {
      const id = random.uuid();
      const updates = random.int(1, 4);
      let rag: Rag = random.weighted<Rag>([['RED', 3], ['AMBER', 4], ['GREEN', 2]]);
      let from: Rag | null = null;
      let commentary = '';
      for (let u = 0; u < updates; u++) {
        const day = asOf - 270 + Math.round(((u + 1) * 260) / (updates + 1)) + random.int(-5, 5);
        commentary = random.pick(UPDATES[rag]);
        const who = updaters[(wi + li + u) % updaters.length]!;
        plan.ragChanges.push({ id: random.uuid(), lineId: id, fromRag: from, toRag: rag, commentary, changedBy: who.subject, changedByName: who.name, changedAt: `${isoOf(day)}T${String(9 + u).padStart(2, '0')}:30:00.000Z` });
        from = rag;
        // Plans mostly improve, sometimes slip.
        rag = random.weighted<Rag>(rag === 'RED' ? [['RED', 2], ['AMBER', 3]] : rag === 'AMBER' ? [['RED', 1], ['AMBER', 3], ['GREEN', 3]] : [['AMBER', 1], ['GREEN', 5]]);
      }
      plan.actionPlanLines.push({
        id,
        workstreamId: workstream.id,
        areaOfWeaknessId: weaknessIds.get(l.weakness) ?? null,
        localityId: null,
        sortOrder: li + 1,
        recommendation: l.recommendation,
        how: l.how,
        who: l.who,
        byWhen: l.byWhen,
        impactMeasure: l.impactMeasure,
        rag: from!,
        commentary,
      });
    });
  });
  // One line belongs to a locality: the locality's own piece of workstream B.
  const first = localities[0];
  if (first) {
    const b = plan.workstreams.find((w) => w.letter === 'B')!;
    const id = random.uuid();
    const changedAt = `${isoOf(asOf - 30)}T11:00:00.000Z`;
    plan.actionPlanLines.push({
      id,
      workstreamId: b.id,
      areaOfWeaknessId: plan.areasOfWeakness.find((a) => a.number === 3)!.id,
      localityId: first.id,
      sortOrder: 10,
      recommendation: `A nurture provision for ${first.name}'s primary schools`,
      how: 'Short-term places agreed at the locality inclusion panel',
      who: `${first.name} locality inclusion lead`,
      byWhen: '2027-04-30',
      impactMeasure: 'Suspensions of pupils with SEN',
      rag: 'AMBER',
      commentary: 'Site found; staff being recruited.',
    });
    plan.ragChanges.push({ id: random.uuid(), lineId: id, fromRag: null, toRag: 'AMBER', commentary: 'Site found; staff being recruited.', changedBy: send!.subject, changedByName: send!.name, changedAt });
  }
  return plan;
}
