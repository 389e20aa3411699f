/**
 * SEND casework for one child, after the DfE SEN2 return: requests for an EHC needs
 * assessment, EHC plans and annual reviews. Drawn from the child's own records (a
 * child with an EHC plan in the school census has a plan and the request behind it)
 * and their own random stream, so it stays linear and streamable like the rest.
 *
 * Shapes from national figures: about half of new plans are issued within 20 weeks
 * (46.4–50.3% in 2023–2024, exception cases left out), about a fifth of requests are refused an assessment, a few
 * are withdrawn or end without a plan after assessment, and some annual reviews are late.
 */
import { isoOf, parseIsoDay } from './calendar.js';
import { createWeightedSampler, type Random } from './random.js';
import type { DemoChildRecords } from './children.js';
import type {
  AnnualReviewRecord,
  EhcPlanRecord,
  EhcRequestRecord,
  EhcRequestedBy,
  EhcTimelinessException,
  SenNeedType,
} from './types.js';

/** A child's SEND casework; ids point at the child and at each other. */
export interface DemoChildSendRecords {
  ehcRequests: EhcRequestRecord[];
  ehcPlans: EhcPlanRecord[];
  annualReviews: AnnualReviewRecord[];
}

export interface SendContext {
  asOf: number;
  localAreaCode: string;
  /** The SEND service's caseworkers; each request is held by one, from the child's locality when it has any. */
  caseworkers?: readonly { id: string; localityId: string | null }[];
}

/**
 * The caseworker holding a request: one of the child's locality's caseworkers, else
 * a county-wide one, else any; chosen from the request id, so no random number is
 * drawn and nothing else the generator makes moves.
 */
function caseworkerFor(requestId: string, localityId: string, caseworkers: SendContext['caseworkers']): string | null {
  if (!caseworkers || caseworkers.length === 0) return null;
  const local = caseworkers.filter((c) => c.localityId === localityId);
  const countyWide = caseworkers.filter((c) => c.localityId === null);
  const pool = local.length > 0 ? local : countyWide.length > 0 ? countyWide : caseworkers;
  let hash = 0;
  for (const char of requestId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return pool[hash % pool.length]!.id;
}

const YEAR = 365;
const THREE_YEARS = 3 * YEAR;

const pickException = createWeightedSampler<EhcTimelinessException>([
  ['SCHOOL_CLOSURE_PERIOD', 4],
  ['EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_CHILD', 2],
  ['EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_PARENT', 2],
  ['ABSENT_FROM_AREA', 1],
  ['APPOINTMENT_MISSED', 2],
]);
const pickOutcome = createWeightedSampler<'A' | 'C' | 'M'>([['M', 78], ['A', 20], ['C', 2]]);

function pickRequester(random: Random, ageAtRequest: number): EhcRequestedBy {
  return random.weighted<EhcRequestedBy>([
    ['PARENT', 42], ['SCHOOL', 40], ['HEALTH', 9], ['OTHER', 6], ['YOUNG_PERSON', ageAtRequest >= 16 ? 8 : 0],
  ]);
}

const iso = (day: number | null) => (day === null ? null : isoOf(day));

interface Advice {
  healthAdviceRequestedDate: string | null;
  healthAdviceReceivedDate: string | null;
  socialCareAdviceRequestedDate: string | null;
  socialCareAdviceReceivedDate: string | null;
}

/** Health advice is always asked for; social care in most cases. Received by `latest`, or awaited when `latest` is null. */
function advice(random: Random, decided: number, latest: number | null, asOf: number): Advice {
  const ask = (chance: number): [number | null, number | null] => {
    if (!random.chance(chance)) return [null, null];
    const cap = latest ?? asOf;
    const asked = Math.min(decided + random.int(0, 4), cap);
    const arrives = asked + random.int(20, 70);
    return [asked, latest !== null ? Math.min(arrives, latest) : arrives <= asOf && random.chance(0.5) ? arrives : null];
  };
  const [healthAsked, healthIn] = ask(1);
  const [careAsked, careIn] = ask(0.7);
  return {
    healthAdviceRequestedDate: iso(healthAsked),
    healthAdviceReceivedDate: iso(healthIn),
    socialCareAdviceRequestedDate: iso(careAsked),
    socialCareAdviceReceivedDate: iso(careIn),
  };
}

/** Does [from, to] take in part of August, when schools are closed for the summer? */
function spansAugust(from: number, to: number): boolean {
  for (let day = from; day <= to; day += 7) if (isoOf(day).slice(5, 7) === '08') return true;
  return isoOf(to).slice(5, 7) === '08';
}

export function generateChildSend(records: DemoChildRecords, ctx: SendContext, random: Random): DemoChildSendRecords {
  const { child } = records;
  const { asOf } = ctx;
  const born = parseIsoDay(child.dateOfBirth);
  const base = { childId: child.id, localityId: child.localityId, localAreaCode: ctx.localAreaCode };
  const ehcRequests: EhcRequestRecord[] = [];
  const ehcPlans: EhcPlanRecord[] = [];
  const annualReviews: AnnualReviewRecord[] = [];

  const current = records.senProvision.find((row) => row.endDate === null);
  if (current?.provision === 'E') {
    // The plan started when the census first shows E; it was issued shortly before.
    let planStart = parseIsoDay(current.startDate);
    for (const row of records.senProvision) if (row.provision === 'E') planStart = Math.min(planStart, parseIsoDay(row.startDate));
    const finalPlan = planStart - random.int(0, 10);
    // 43% drawn within 20 weeks: with exception cases (more often among the late) left
    // out, about 48% of the rest are, between the national 46.4% (2024) and 50.3% (2023).
    const withinTime = random.chance(0.43);
    const received = finalPlan - (withinTime ? random.int(100, 140) : random.int(141, 280));
    const decided = received + (random.chance(0.85) ? random.int(25, 42) : random.int(43, 70));
    const draft = Math.max(decided, finalPlan - random.int(15, 40));
    const exception = random.chance(withinTime ? 0.02 : spansAugust(received, finalPlan) ? 0.2 : 0.06)
      ? spansAugust(received, finalPlan) && random.chance(0.6) ? 'SCHOOL_CLOSURE_PERIOD' : pickException(random)
      : null;
    const requestId = random.uuid();
    ehcRequests.push({
      id: requestId,
      ...base,
      receivedDate: isoOf(received),
      requestedBy: pickRequester(random, Math.floor((received - born) / YEAR)),
      decision: 'Y',
      decisionDate: isoOf(decided),
      ...advice(random, decided, draft, asOf),
      planDecision: 'ISSUE',
      noticeDate: isoOf(draft),
      finalPlanDate: isoOf(finalPlan),
      exception,
      withdrawnDate: null,
      caseworkerId: caseworkerFor(requestId, child.localityId, ctx.caseworkers),
    });
    const enrolment = records.enrolments.find((row) => row.endDate === null);
    const planId = random.uuid();
    ehcPlans.push({
      id: planId,
      childId: child.id,
      requestId,
      startDate: isoOf(planStart),
      primaryNeed: current.primaryNeed as Exclude<SenNeedType, 'NSA'>,
      secondaryNeed: current.secondaryNeed as Exclude<SenNeedType, 'NSA'> | null,
      placementUrn: enrolment?.schoolUrn ?? current.schoolUrn,
      ceaseDate: null,
      ceaseReason: null,
    });
    // Reviews about every 12 months; some plans' latest review is late.
    const late = random.chance(0.15);
    let last = planStart;
    for (;;) {
      const due = last + YEAR;
      const meeting = due - random.int(0, 35);
      if (meeting > asOf) break;
      if (late && due < asOf && due + YEAR > asOf) break;
      annualReviews.push({ id: random.uuid(), planId, meetingDate: isoOf(meeting), outcome: pickOutcome(random) });
      last = meeting;
    }
    return { ehcRequests, ehcPlans, annualReviews };
  }

  // Other children: requests in the last three years that have not (yet) led to a plan.
  const onRoll = records.enrolments.length > 0;
  const chance = current?.provision === 'K' ? 0.05 : onRoll ? 0.0032 : 0.001;
  if (!random.chance(chance)) return { ehcRequests, ehcPlans, annualReviews };
  const received = asOf - random.int(0, THREE_YEARS);
  if (received < born + 30) return { ehcRequests, ehcPlans, annualReviews };
  const open = asOf - received;
  const requestId = random.uuid();
  const request: EhcRequestRecord = {
    id: requestId,
    ...base,
    receivedDate: isoOf(received),
    requestedBy: pickRequester(random, Math.floor((received - born) / YEAR)),
    decision: 'A',
    decisionDate: null,
    healthAdviceRequestedDate: null,
    healthAdviceReceivedDate: null,
    socialCareAdviceRequestedDate: null,
    socialCareAdviceReceivedDate: null,
    planDecision: null,
    noticeDate: null,
    finalPlanDate: null,
    exception: null,
    withdrawnDate: null,
    caseworkerId: caseworkerFor(requestId, child.localityId, ctx.caseworkers),
  };
  const outcome = open < 42
    ? random.weighted<'A' | 'N' | 'W'>([['A', 80], ['N', 15], ['W', 5]])
    : random.weighted<'A' | 'N' | 'W' | 'Y'>([['N', 58], ['W', 12], ['A', open < 100 ? 6 : 0], ['Y', 30]]);
  if (outcome === 'N') {
    request.decision = 'N';
    request.decisionDate = isoOf(Math.min(asOf, received + random.int(20, 45)));
  } else if (outcome === 'W') {
    request.decision = 'W';
    request.withdrawnDate = isoOf(Math.min(asOf, received + random.int(3, 40)));
  } else if (outcome === 'Y') {
    const decided = Math.min(asOf, received + random.int(25, 45));
    request.decision = 'Y';
    request.decisionDate = isoOf(decided);
    if (open > 140 && random.chance(0.6)) {
      // Assessed, then told by letter that the needs can be met without a plan.
      const notice = Math.max(decided, received + random.int(95, 125));
      Object.assign(request, advice(random, decided, notice, asOf), { planDecision: 'NO_PLAN', noticeDate: isoOf(notice) });
    } else if (open > 112 && random.chance(0.5)) {
      // A draft plan is with the family; the final plan is still to come.
      const draft = Math.max(decided, Math.min(asOf, received + random.int(100, 125)));
      Object.assign(request, advice(random, decided, draft, asOf), { planDecision: 'ISSUE', noticeDate: isoOf(draft) });
    } else {
      Object.assign(request, advice(random, decided, null, asOf));
    }
  }
  ehcRequests.push(request);
  return { ehcRequests, ehcPlans, annualReviews };
}
