import { describe, expect, it } from 'vitest';
import { createDemoAreaGenerator, generateDemoArea } from './generate.js';
import { domainOfNeed, RADAR_DOMAINS, SUPPORT_PLAN_REVIEW_DAYS, yearGroupOn } from './support.js';
import { isoOf, parseIsoDay } from './calendar.js';

const area = generateDemoArea({ children: 3000 });
const AS_OF = '2026-11-20';
const current = area.senProvision.filter((row) => row.endDate === null);

describe('SEN support plans', () => {
  it('gives every child on SEN support one open plan at their current school, and no one else a plan', () => {
    const onSupport = current.filter((row) => row.provision === 'K');
    const onRoll = new Map(area.enrolments.filter((e) => e.endDate === null).map((e) => [e.childId, e.schoolUrn]));
    expect(area.supportPlans).toHaveLength(onSupport.length);
    const byChild = new Map(area.supportPlans.map((plan) => [plan.childId, plan]));
    for (const row of onSupport) {
      const plan = byChild.get(row.childId)!;
      expect(plan.closedDate).toBeNull();
      expect(plan.schoolUrn).toBe(onRoll.get(row.childId) ?? row.schoolUrn);
      expect(plan.parentsToldDate <= AS_OF).toBe(true);
    }
  });

  it('has 1–3 outcomes and provision lines and 1–4 cycles in date order, about a tenth past review', () => {
    const count = (rows: { planId: string }[]) => {
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.planId, (counts.get(row.planId) ?? 0) + 1);
      return counts;
    };
    const outcomes = count(area.supportPlanOutcomes);
    const provision = count(area.supportPlanProvision);
    const cycles = count(area.supportPlanCycles);
    for (const plan of area.supportPlans) {
      expect(outcomes.get(plan.id)).toBeGreaterThanOrEqual(1);
      expect(outcomes.get(plan.id)).toBeLessThanOrEqual(3);
      expect(provision.get(plan.id)).toBeGreaterThanOrEqual(1);
      expect(provision.get(plan.id)).toBeLessThanOrEqual(3);
      expect(cycles.get(plan.id)).toBeGreaterThanOrEqual(1);
      expect(cycles.get(plan.id)).toBeLessThanOrEqual(4);
    }
    let overdue = 0;
    const open = new Map<string, string>();
    for (const cycle of area.supportPlanCycles) {
      expect(cycle.assessDate <= cycle.planDate && cycle.planDate <= cycle.doFromDate).toBe(true);
      expect(cycle.doFromDate <= AS_OF).toBe(true);
      if (cycle.reviewDate !== null) {
        expect(cycle.doFromDate <= cycle.reviewDate && cycle.reviewDate <= AS_OF).toBe(true);
        expect(cycle.nextReviewDue).toBe(isoOf(parseIsoDay(cycle.reviewDate) + SUPPORT_PLAN_REVIEW_DAYS));
      } else {
        expect(open.has(cycle.planId)).toBe(false);
        open.set(cycle.planId, cycle.nextReviewDue!);
        if (cycle.nextReviewDue! < AS_OF) overdue += 1;
      }
    }
    expect(open.size).toBe(area.supportPlans.length);
    expect(overdue / area.supportPlans.length).toBeGreaterThan(0.04);
    expect(overdue / area.supportPlans.length).toBeLessThan(0.18);
  });
});

describe('needs radar', () => {
  it('assesses most children with SEN, five domains each, need highest in the domain of their primary need', () => {
    const withSen = current.filter((row) => row.provision !== 'N');
    const assessed = new Set(area.radarAssessments.map((a) => a.childId));
    const share = withSen.filter((row) => assessed.has(row.childId)).length / withSen.length;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.95);
    expect(area.radarRatings).toHaveLength(area.radarAssessments.length * 5);
    for (const rating of area.radarRatings) expect(rating.need >= 0 && rating.need <= 4).toBe(true);
    const latest = new Map<string, (typeof area.radarAssessments)[number]>();
    for (const a of area.radarAssessments) if (!latest.has(a.childId) || a.assessedDate > latest.get(a.childId)!.assessedDate) latest.set(a.childId, a);
    const ratings = new Map(area.radarRatings.map((r) => [`${r.assessmentId}/${r.domain}`, r.need]));
    let inDomain = 0;
    let elsewhere = 0;
    let n = 0;
    for (const row of withSen) {
      const domain = domainOfNeed(row.primaryNeed);
      const assessment = latest.get(row.childId);
      if (!domain || !assessment) continue;
      n += 1;
      inDomain += ratings.get(`${assessment.id}/${domain}`)!;
      const others = RADAR_DOMAINS.filter((d) => d !== domain && d !== domainOfNeed(row.secondaryNeed) && d !== 'INDEPENDENCE');
      elsewhere += others.reduce((sum, d) => sum + ratings.get(`${assessment.id}/${d}`)!, 0) / others.length;
    }
    expect(inDomain / n).toBeGreaterThan(elsewhere / n + 1.2);
  });

  it('rates every school in every domain about twice a year over two years', () => {
    for (const school of area.schools) {
      for (const domain of RADAR_DOMAINS) {
        const rows = area.settingReadiness.filter((r) => r.schoolUrn === school.urn && r.domain === domain);
        expect(rows).toHaveLength(4);
        for (const row of rows) expect(row.assessedDate <= AS_OF && row.rating >= 0 && row.rating <= 4).toBe(true);
      }
    }
  });

  it('streams the same support records as the whole area', () => {
    const streamed = [...createDemoAreaGenerator({ children: 300, seed: 5 }).children()].flatMap((r) => r.supportPlanCycles);
    expect(streamed).toEqual(generateDemoArea({ children: 300, seed: 5 }).supportPlanCycles);
  });
});

describe('year group on a date (English school years run 1 September to 31 August)', () => {
  const on = (date: string) => parseIsoDay(date);
  it('puts a child in Reception the September after they turn 4, and in Year 1 a year later', () => {
    // Born 1 September 2020: the oldest of their year; 4 on 1 September 2024, Reception 2025/26.
    expect(yearGroupOn('2020-09-01', on('2025-09-01'))).toBe(0);
    // Born 31 August 2021: the youngest of the same year group as a child born 1 September 2020.
    expect(yearGroupOn('2021-08-31', on('2025-09-01'))).toBe(0);
    expect(yearGroupOn('2021-08-31', on('2026-07-20'))).toBe(0);
    expect(yearGroupOn('2021-08-31', on('2026-09-01'))).toBe(1);
    expect(yearGroupOn('2021-09-01', on('2025-09-01'))).toBe(-1);
  });

  it('reaches Year 11 at 15 or 16, and is empty outside nursery to Year 14', () => {
    expect(yearGroupOn('2010-12-25', on('2026-11-20'))).toBe(11);
    // Turns 4 in May 2027: the nursery year (-1) in 2026/27; a year younger is in none.
    expect(yearGroupOn('2023-05-01', on('2026-11-20'))).toBe(-1);
    expect(yearGroupOn('2024-05-01', on('2026-11-20'))).toBeNull();
    expect(yearGroupOn('2000-01-01', on('2026-11-20'))).toBeNull();
  });
});
