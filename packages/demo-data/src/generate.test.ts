import { describe, it, expect } from 'vitest';
import {
  isTestRangeNhsNumber,
  isValidNhsNumber,
  isValidUpn,
  isValidUrn,
  laCodeKind,
} from '@local-area-graph/identifiers';
import { ageOn, parseIsoDay, termsOf } from './calendar.js';
import {
  DEFAULT_CHILDREN,
  SEN_NEED_TYPES,
  SUSPENSION_REASONS,
  createDemoAreaGenerator,
  generateDemoArea,
  type ChildRecord,
  type DemoArea,
  type EnrolmentRecord,
  type SchoolRecord,
} from './index.js';

const AS_OF = '2026-11-20';
const area = generateDemoArea({ children: 3000 });
const asOfDay = parseIsoDay(AS_OF);
const schoolsByUrn = new Map(area.schools.map((s) => [s.urn, s]));
const childrenById = new Map(area.children.map((c) => [c.id, c]));

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const enrolmentsByChild = groupBy(area.enrolments, (e) => e.childId);
const currentEnrolments = area.enrolments.filter((e) => e.endDate === null);
const currentSen = area.senProvision.filter((r) => r.endDate === null);

/** Age on 31 August before the current academic year: 4 is Reception, 15 is Year 11. */
function ageOnAugust31(child: ChildRecord): number {
  return ageOn(parseIsoDay(child.dateOfBirth), parseIsoDay('2026-08-31'));
}

function enrolmentAt(childId: string, iso: string): EnrolmentRecord | undefined {
  return enrolmentsByChild
    .get(childId)
    ?.find((e) => e.startDate <= iso && (e.endDate === null || iso <= e.endDate));
}

describe('generateDemoArea', () => {
  it('is deterministic for the same options and varies with the seed', () => {
    expect(generateDemoArea({ children: 3000 })).toEqual(area);
    const other = generateDemoArea({ children: 200, seed: 1 });
    expect(other.children.map((c) => c.id)).not.toEqual(area.children.slice(0, 200).map((c) => c.id));
  });

  it('streams the same records it returns in one piece', () => {
    const generator = createDemoAreaGenerator({ children: 300, seed: 5 });
    const whole = generateDemoArea({ children: 300, seed: 5 });
    const streamed: Partial<DemoArea> & { children: ChildRecord[]; attendance: unknown[] } = {
      children: [],
      attendance: [],
    };
    for (const records of generator.children()) {
      streamed.children.push(records.child);
      streamed.attendance.push(...records.attendance);
    }
    expect(streamed.children).toEqual(whole.children);
    expect(streamed.attendance).toEqual(whole.attendance);
    expect(generator.schools).toEqual(whole.schools);
    // A second pass starts afresh: same UPNs, not the next serials.
    expect([...generator.children()].map((r) => r.child.upn)).toEqual(whole.children.map((c) => c.upn));
  });

  it('describes Kent with twelve localities at full size and fewer for tiny registers', () => {
    expect(area.localArea).toEqual({ code: 'E10000016', laNumber: 886, name: 'Kent' });
    expect(laCodeKind(area.localArea.code)).toBe('COUNTY');
    expect(area.localities).toHaveLength(12);
    expect(area.localities.map((l) => l.name)).toContain('Folkestone and Hythe');
    for (const locality of area.localities) {
      expect(locality.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(locality.localAreaCode).toBe('E10000016');
    }
    expect(generateDemoArea({ children: 100 }).localities.length).toBeLessThan(12);
    expect(() => generateDemoArea({ children: -1 })).toThrow(RangeError);
    expect(() => generateDemoArea({ asOf: '2026-02-30' })).toThrow(RangeError);
  });

  it('gives every record a unique id', () => {
    const ids = [
      ...area.children,
      ...area.professionals,
      ...area.enrolments,
      ...area.attendance,
      ...area.suspensions,
      ...area.senProvision,
      ...area.ehcRequests!,
      ...area.ehcPlans!,
      ...area.annualReviews!,
    ].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of area.children.map((c) => c.id)) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('schools', () => {
  it('have valid, unique URNs, establishment numbers and names', () => {
    const urns = area.schools.map((s) => s.urn);
    expect(new Set(urns).size).toBe(urns.length);
    for (const urn of urns) expect(isValidUrn(urn)).toBe(true);
    expect(new Set(area.schools.map((s) => s.establishmentNumber)).size).toBe(area.schools.length);
    expect(new Set(area.schools.map((s) => s.name)).size).toBe(area.schools.length);
    const leading: Record<SchoolRecord['phase'], string> = {
      PRIMARY: '[23]',
      SECONDARY: '[45]',
      SPECIAL: '7',
      ALTERNATIVE_PROVISION: '1',
      NURSERY: '',
      ALL_THROUGH: '',
    };
    for (const school of area.schools) {
      expect(school.establishmentNumber).toMatch(new RegExp(`^${leading[school.phase]}\\d{3}$`));
      expect(school.localAreaCode).toBe('E10000016');
    }
  });

  it('give every locality a primary and a secondary, and the area a special school and a PRU', () => {
    for (const locality of area.localities) {
      const phases = area.schools.filter((s) => s.localityId === locality.id).map((s) => s.phase);
      expect(phases).toContain('PRIMARY');
      expect(phases).toContain('SECONDARY');
    }
    expect(area.schools.some((s) => s.phase === 'SPECIAL' && s.type === 'SPECIAL_SCHOOL')).toBe(true);
    expect(area.schools.some((s) => s.type === 'PUPIL_REFERRAL_UNIT')).toBe(true);
  });

  it('scale at about one per 500 children', () => {
    const big = createDemoAreaGenerator({ children: 60_000 });
    expect(big.schools.length).toBeGreaterThan(100);
    expect(big.schools.length).toBeLessThan(140);
  });
});

describe('children', () => {
  it('have valid, unique NHS numbers from the 999 test range', () => {
    const numbers = area.children.map((c) => c.nhsNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) {
      expect(isValidNhsNumber(n)).toBe(true);
      expect(isTestRangeNhsNumber(n)).toBe(true);
    }
  });

  it('are aged 0 to 18 on the as-of date', () => {
    const ages = new Set(area.children.map((c) => ageOn(parseIsoDay(c.dateOfBirth), asOfDay)));
    expect([...ages].sort((a, b) => a - b)).toEqual(Array.from({ length: 19 }, (_, i) => i));
  });

  it('have valid, unique UPNs from their first school, and none before school', () => {
    const upns = area.children.flatMap((c) => (c.upn === null ? [] : [c.upn]));
    expect(new Set(upns).size).toBe(upns.length);
    for (const child of area.children) {
      const enrolments = enrolmentsByChild.get(child.id) ?? [];
      if (enrolments.length === 0) {
        expect(child.upn).toBeNull();
        continue;
      }
      const upn = child.upn!;
      expect(isValidUpn(upn)).toBe(true);
      const first = enrolments.reduce((a, b) => (a.startDate <= b.startDate ? a : b));
      expect(upn.slice(1, 4)).toBe('886');
      expect(upn.slice(4, 8)).toBe(schoolsByUrn.get(first.schoolUrn)!.establishmentNumber);
      expect(upn.slice(8, 10)).toBe(first.startDate.slice(2, 4));
    }
    for (const child of area.children) if (ageOnAugust31(child) < 4) expect(child.upn).toBeNull();
  });

  it('have diverse names', () => {
    const families = new Set(area.children.map((c) => c.familyName));
    expect(families.size).toBeGreaterThan(200);
    for (const name of ['Khan', 'Gurung', 'Nowak', 'Okafor', 'Smith']) expect(families).toContain(name);
  });
});

describe('enrolments', () => {
  it('are at schools that exist, of the right phase for the child’s age', () => {
    for (const enrolment of area.enrolments) {
      const school = schoolsByUrn.get(enrolment.schoolUrn);
      expect(school).toBeDefined();
      const birth = parseIsoDay(childrenById.get(enrolment.childId)!.dateOfBirth);
      const start = parseIsoDay(enrolment.startDate);
      const end = enrolment.endDate === null ? asOfDay : parseIsoDay(enrolment.endDate);
      expect(start).toBeLessThanOrEqual(end);
      expect(end).toBeLessThanOrEqual(asOfDay);
      expect(ageOn(birth, start)).toBeGreaterThanOrEqual(school!.statutoryLowAge);
      expect(ageOn(birth, end)).toBeLessThanOrEqual(school!.statutoryHighAge);
      // Age on the 31 August before starting: Reception to Year 6 is 4-10, Years 7-11 are 11-15.
      const yearGroupAge = ageOn(birth, parseIsoDay(`${Number(enrolment.startDate.slice(0, 4)) - (enrolment.startDate.slice(5) < '09' ? 1 : 0)}-08-31`));
      if (school!.phase === 'PRIMARY') expect(yearGroupAge >= 4 && yearGroupAge <= 10).toBe(true);
      if (school!.phase === 'SECONDARY') expect(yearGroupAge >= 11 && yearGroupAge <= 15).toBe(true);
    }
  });

  it('do not overlap for a child, and include some school moves', () => {
    let movers = 0;
    for (const enrolments of enrolmentsByChild.values()) {
      const sorted = [...enrolments].sort((a, b) => a.startDate.localeCompare(b.startDate));
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i - 1]!.endDate).not.toBeNull();
        expect(sorted[i - 1]!.endDate! < sorted[i]!.startDate).toBe(true);
        const phases = [sorted[i - 1], sorted[i]].map((e) => schoolsByUrn.get(e!.schoolUrn)!.phase);
        if (phases[0] === phases[1]) movers++;
      }
    }
    expect(movers).toBeGreaterThan(50);
  });

  it('place almost every school-age child at a current school, mostly in their own locality', () => {
    const schoolAge = area.children.filter((c) => {
      const age = ageOnAugust31(c);
      return age >= 4 && age <= 15;
    });
    const current = new Map(currentEnrolments.map((e) => [e.childId, e]));
    const enrolled = schoolAge.filter((c) => current.has(c.id));
    expect(enrolled.length / schoolAge.length).toBeGreaterThan(0.97);
    const local = enrolled.filter((c) => schoolsByUrn.get(current.get(c.id)!.schoolUrn)!.localityId === c.localityId);
    expect(local.length / enrolled.length).toBeGreaterThan(0.8);
    for (const child of area.children) {
      if (ageOnAugust31(child) < 4) expect(enrolmentsByChild.has(child.id)).toBe(false);
    }
  });
});

describe('SEN provision', () => {
  const enrolledIds = new Set(currentEnrolments.map((e) => e.childId));

  it('has exactly one current row per enrolled pupil, at their current school', () => {
    const byChild = groupBy(currentSen, (r) => r.childId);
    expect(byChild.size).toBe(enrolledIds.size);
    for (const enrolment of currentEnrolments) {
      const rows = byChild.get(enrolment.childId)!;
      expect(rows).toHaveLength(1);
      expect(rows[0]!.schoolUrn).toBe(enrolment.schoolUrn);
    }
  });

  it('is in national proportions: about 12% SEN support and 3% EHC plans, boys about twice girls', () => {
    const share = (p: string) => currentSen.filter((r) => r.provision === p).length / currentSen.length;
    expect(share('K')).toBeGreaterThan(0.1);
    expect(share('K')).toBeLessThan(0.14);
    expect(share('E')).toBeGreaterThan(0.02);
    expect(share('E')).toBeLessThan(0.04);
    const rate = (sex: string) => {
      const rows = currentSen.filter((r) => childrenById.get(r.childId)!.sex === sex);
      return rows.filter((r) => r.provision !== 'N').length / rows.length;
    };
    expect(rate('M') / rate('F')).toBeGreaterThan(1.6);
    expect(rate('M') / rate('F')).toBeLessThan(2.6);
  });

  it('uses valid need codes: none for N, NSA only with K, secondary different from primary', () => {
    const codes = new Set<string>(SEN_NEED_TYPES.map((n) => n.code));
    let withSecondary = 0;
    let senRows = 0;
    for (const row of area.senProvision) {
      if (row.provision === 'N') {
        expect(row.primaryNeed).toBeNull();
        expect(row.secondaryNeed).toBeNull();
        continue;
      }
      senRows++;
      expect(codes.has(row.primaryNeed!)).toBe(true);
      if (row.primaryNeed === 'NSA') expect(row.provision).toBe('K');
      expect(row.secondaryNeed).not.toBe('NSA');
      if (row.secondaryNeed !== null) {
        withSecondary++;
        expect(codes.has(row.secondaryNeed)).toBe(true);
        expect(row.secondaryNeed).not.toBe(row.primaryNeed);
      }
    }
    expect(withSecondary / senRows).toBeGreaterThan(0.2);
    expect(withSecondary / senRows).toBeLessThan(0.4);
  });

  it('has realistic need shares and some history', () => {
    const needShare = (provision: string, need: string) => {
      const rows = currentSen.filter((r) => r.provision === provision);
      return rows.filter((r) => r.primaryNeed === need).length / rows.length;
    };
    expect(needShare('K', 'SLCN')).toBeGreaterThan(0.17);
    expect(needShare('E', 'ASD')).toBeGreaterThan(0.25);
    const ended = area.senProvision.filter((r) => r.endDate !== null);
    expect(ended.some((r) => r.provision === 'K')).toBe(true);
    // A spell of SEN support that ended when an EHC plan began.
    const planStarts = new Map(currentSen.filter((r) => r.provision === 'E').map((r) => [r.childId, r.startDate]));
    expect(ended.some((r) => r.provision === 'K' && planStarts.has(r.childId))).toBe(true);
  });

  it('rows sit within the child’s enrolment at that school', () => {
    for (const row of area.senProvision) {
      const enrolment = enrolmentAt(row.childId, row.startDate);
      expect(enrolment?.schoolUrn).toBe(row.schoolUrn);
      if (row.endDate !== null) expect(row.startDate <= row.endDate).toBe(true);
    }
  });
});

describe('attendance', () => {
  it('is consistent: absence within possible sessions, terms within the last three years', () => {
    const nominal = { AUTUMN: 140, SPRING: 120, SUMMER: 130 } as const;
    const years = new Set(['2024/25', '2025/26', '2026/27']);
    // One expect per row would make this the slowest test by far.
    const bad = area.attendance.filter(
      (row) =>
        !years.has(row.academicYear) ||
        !Number.isInteger(row.sessionsPossible) ||
        row.sessionsPossible <= 0 ||
        row.sessionsPossible > nominal[row.term] ||
        !Number.isInteger(row.authorisedAbsence) ||
        !Number.isInteger(row.unauthorisedAbsence) ||
        row.authorisedAbsence < 0 ||
        row.unauthorisedAbsence < 0 ||
        row.authorisedAbsence + row.unauthorisedAbsence > row.sessionsPossible,
    );
    expect(bad).toEqual([]);
    expect(area.attendance.length).toBeGreaterThan(10_000);
  });

  it('counts the current term only up to the as-of date', () => {
    const autumn = termsOf(2026)[0]!;
    const current = area.attendance.filter((r) => r.academicYear === '2026/27');
    expect(current.every((r) => r.term === 'AUTUMN')).toBe(true);
    const elapsed = Math.round((140 * (asOfDay - autumn.start)) / (autumn.end - autumn.start));
    expect(Math.max(...current.map((r) => r.sessionsPossible))).toBeLessThanOrEqual(elapsed + 5);
  });

  it('is recorded by a school the child attended that term', () => {
    const bad = area.attendance.filter((row) => {
      const terms = termsOf(Number(row.academicYear.slice(0, 4)));
      const term = terms.find((t) => t.term === row.term)!;
      return !(enrolmentsByChild.get(row.childId) ?? []).some(
        (e) =>
          e.schoolUrn === row.schoolUrn &&
          parseIsoDay(e.startDate) <= term.end &&
          (e.endDate === null || parseIsoDay(e.endDate) >= term.start),
      );
    });
    expect(bad).toEqual([]);
  });

  it('matches national patterns: ~7% absence, ~18% persistently absent, worse with EHC plans', () => {
    let possible = 0;
    let absent = 0;
    let unauthorised = 0;
    const perPupil = new Map<string, [number, number]>();
    for (const row of area.attendance) {
      const a = row.authorisedAbsence + row.unauthorisedAbsence;
      possible += row.sessionsPossible;
      absent += a;
      unauthorised += row.unauthorisedAbsence;
      if (row.academicYear === '2025/26') {
        const totals = perPupil.get(row.childId) ?? [0, 0];
        totals[0] += a;
        totals[1] += row.sessionsPossible;
        perPupil.set(row.childId, totals);
      }
    }
    expect(absent / possible).toBeGreaterThan(0.055);
    expect(absent / possible).toBeLessThan(0.085);
    expect(unauthorised / absent).toBeGreaterThan(0.25);
    expect(unauthorised / absent).toBeLessThan(0.42);
    const persistent = [...perPupil.values()].filter(([a, p]) => a / p >= 0.1).length / perPupil.size;
    expect(persistent).toBeGreaterThan(0.12);
    expect(persistent).toBeLessThan(0.26);

    const provision = new Map(currentSen.map((r) => [r.childId, r.provision]));
    const rateFor = (p: string) => {
      let a = 0;
      let s = 0;
      for (const [childId, [absence, sessions]] of perPupil) {
        if (provision.get(childId) === p) {
          a += absence;
          s += sessions;
        }
      }
      return a / s;
    };
    expect(rateFor('E')).toBeGreaterThan(rateFor('N') * 1.5);
  });
});

describe('suspensions', () => {
  const reasonCodes = new Set<string>(SUSPENSION_REASONS.map((r) => r.code));

  it('have one to three distinct valid reasons and sensible sessions', () => {
    expect(area.suspensions.length).toBeGreaterThan(50);
    for (const s of area.suspensions) {
      expect(s.reasons.length).toBeGreaterThanOrEqual(1);
      expect(s.reasons.length).toBeLessThanOrEqual(3);
      expect(new Set(s.reasons).size).toBe(s.reasons.length);
      for (const r of s.reasons) expect(reasonCodes.has(r)).toBe(true);
      expect(['FIXD', 'LNCH', 'PERM']).toContain(s.category);
      if (s.category === 'LNCH') expect(s.sessions).toBe(1);
      expect(s.sessions).toBeGreaterThanOrEqual(1);
      expect(s.sessions).toBeLessThanOrEqual(30);
      expect(s.startDate >= '2024-09-01' && s.startDate <= AS_OF).toBe(true);
    }
    const pd = area.suspensions.filter((s) => s.reasons.includes('PD')).length;
    for (const code of reasonCodes) {
      if (code !== 'PD') expect(area.suspensions.filter((s) => s.reasons.includes(code)).length).toBeLessThan(pd);
    }
  });

  it('happen at the school the child was on roll at, with permanent exclusions ending the place', () => {
    for (const s of area.suspensions) {
      expect(enrolmentAt(s.childId, s.startDate)?.schoolUrn).toBe(s.schoolUrn);
      if (s.category === 'PERM') {
        const place = enrolmentAt(s.childId, s.startDate)!;
        expect(place.endDate).toBe(s.startDate);
      }
    }
  });

  it('are far more common in secondary, and for pupils with SEN', () => {
    const bySchoolPhase = (phase: string) =>
      area.suspensions.filter((s) => schoolsByUrn.get(s.schoolUrn)!.phase === phase).length;
    expect(bySchoolPhase('SECONDARY')).toBeGreaterThan(bySchoolPhase('PRIMARY'));
    const sen = new Set(currentSen.filter((r) => r.provision !== 'N').map((r) => r.childId));
    const suspended = new Set(area.suspensions.map((s) => s.childId));
    const rate = (withSen: boolean) => {
      const pupils = currentSen.filter((r) => sen.has(r.childId) === withSen);
      return pupils.filter((r) => suspended.has(r.childId)).length / pupils.length;
    };
    expect(rate(true)).toBeGreaterThan(rate(false) * 2.5);
  });
});

describe('performance', () => {
  it('generates 3,000 children well within a second', () => {
    const started = performance.now();
    generateDemoArea({ children: 3000, seed: 2 });
    // Generous against CI noise; a warm run takes about a fifth of this.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('professionals', () => {
  it('number about one per 60 children across agencies, with unique example.org emails', () => {
    // 50, and an inclusion support lead for each locality team that had none among them.
    const leads = area.professionals.filter((p) => p.role === 'Inclusion support lead');
    for (const locality of area.localities) expect(leads.some((p) => p.localityId === locality.id)).toBe(true);
    expect(area.professionals.length).toBe(50 + area.localities.filter((l) => area.professionals.slice(0, 50).every((p) => p.role !== 'Inclusion support lead' || p.localityId !== l.id)).length);
    const agencies = new Set(area.professionals.map((p) => p.agency));
    for (const agency of ['SCHOOL', 'SEND_SERVICE', 'HEALTH_SERVICE', 'SOCIAL_CARE', 'EARLY_HELP', 'YOUTH_JUSTICE', 'VOLUNTARY_SECTOR']) {
      expect(agencies).toContain(agency);
    }
    const emails = area.professionals.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z]\.[a-z]+\d*@[a-z0-9-]+(\.[a-z0-9-]+)*\.example\.org$/);
    const localityIds = new Set(area.localities.map((l) => l.id));
    for (const p of area.professionals) if (p.localityId !== null) expect(localityIds.has(p.localityId)).toBe(true);
    expect(area.professionals.some((p) => p.role === 'SENCO')).toBe(true);
    expect(area.professionals.some((p) => p.role === 'Educational psychologist')).toBe(true);
  });
});

describe('SEND casework', () => {
  const requests = area.ehcRequests!;
  const plans = area.ehcPlans!;
  const reviews = area.annualReviews!;
  const requestsById = new Map(requests.map((r) => [r.id, r]));
  const plansById = new Map(plans.map((p) => [p.id, p]));
  const days = (from: string, to: string) => parseIsoDay(to) - parseIsoDay(from);
  const ordered = (...dates: (string | null)[]) => {
    const present = dates.filter((d): d is string => d !== null);
    return present.every((d, i) => i === 0 || present[i - 1]! <= d);
  };

  it('gives every child with an EHC plan in the census one plan, at their current school, after the request behind it', () => {
    const eChildren = new Set(currentSen.filter((r) => r.provision === 'E').map((r) => r.childId));
    expect(new Set(plans.map((p) => p.childId))).toEqual(eChildren);
    expect(plans).toHaveLength(eChildren.size);
    const currentSchool = new Map(currentEnrolments.map((e) => [e.childId, e.schoolUrn]));
    for (const plan of plans) {
      const census = currentSen.find((r) => r.childId === plan.childId)!;
      expect(plan.primaryNeed).toBe(census.primaryNeed);
      expect(plan.placementUrn).toBe(currentSchool.get(plan.childId) ?? census.schoolUrn);
      expect(plan.ceaseDate).toBeNull();
      const request = requestsById.get(plan.requestId!)!;
      expect(request.childId).toBe(plan.childId);
      expect(request.finalPlanDate! <= plan.startDate).toBe(true);
      expect(days(request.receivedDate, request.finalPlanDate!)).toBeGreaterThanOrEqual(100);
      expect(days(request.receivedDate, request.finalPlanDate!)).toBeLessThanOrEqual(280);
    }
  });

  it('keeps every request consistent: known codes, dates in order, nothing after the as-of date', () => {
    for (const r of requests) {
      expect(childrenById.get(r.childId)?.localityId).toBe(r.localityId);
      expect(['PARENT', 'YOUNG_PERSON', 'SCHOOL', 'HEALTH', 'OTHER']).toContain(r.requestedBy);
      expect(['Y', 'N', 'A', 'W']).toContain(r.decision);
      expect(r.decisionDate !== null).toBe(r.decision === 'Y' || r.decision === 'N');
      expect(r.withdrawnDate !== null).toBe(r.decision === 'W');
      expect(r.planDecision === null || r.decision === 'Y').toBe(true);
      expect(r.noticeDate !== null).toBe(r.planDecision !== null);
      expect(r.finalPlanDate === null || r.planDecision === 'ISSUE').toBe(true);
      expect(ordered(r.receivedDate, r.decisionDate, r.noticeDate, r.finalPlanDate, AS_OF)).toBe(true);
      expect(ordered(r.receivedDate, r.withdrawnDate, AS_OF)).toBe(true);
      expect(ordered(r.receivedDate, r.healthAdviceRequestedDate, r.healthAdviceReceivedDate, AS_OF)).toBe(true);
      expect(ordered(r.receivedDate, r.socialCareAdviceRequestedDate, r.socialCareAdviceReceivedDate, AS_OF)).toBe(true);
      if (r.healthAdviceReceivedDate) expect(r.healthAdviceRequestedDate).not.toBeNull();
    }
  });

  it('has national shapes over the last three years: about a fifth refused, about half of plans within 20 weeks', () => {
    // A bigger area: 3,000 children make only a few dozen requests in three years.
    const county = generateDemoArea({ children: 20_000, seed: 3 }).ehcRequests!;
    const recent = county.filter((r) => days(r.receivedDate, AS_OF) <= 3 * 365);
    const share = (test: (r: (typeof requests)[number]) => boolean) => recent.filter(test).length / recent.length;
    expect(share((r) => r.decision === 'N')).toBeGreaterThan(0.12);
    expect(share((r) => r.decision === 'N')).toBeLessThan(0.3);
    expect(share((r) => r.decision === 'W')).toBeGreaterThan(0);
    expect(recent.some((r) => r.decision === 'A')).toBe(true);
    expect(recent.some((r) => r.planDecision === 'NO_PLAN')).toBe(true);
    const issued = county.filter((r) => r.finalPlanDate !== null && r.exception === null);
    const within = issued.filter((r) => days(r.receivedDate, r.finalPlanDate!) <= 140).length / issued.length;
    // National: 50.3% (2023), 46.4% (2024); 380 plans put two standard errors at about 5 points.
    expect(within).toBeGreaterThan(0.43);
    expect(within).toBeLessThan(0.55);
    expect(county.some((r) => r.exception !== null)).toBe(true);
  });

  it("names a SEND caseworker on every request, from the child's locality when it has one", () => {
    const caseworkers = area.professionals.filter((p) => p.role === 'SEND caseworker');
    expect(caseworkers.length).toBeGreaterThan(0);
    const byId = new Map(caseworkers.map((p) => [p.id, p]));
    for (const request of requests) {
      const caseworker = byId.get(request.caseworkerId!)!;
      expect(caseworker.agency).toBe('SEND_SERVICE');
      if (caseworkers.some((p) => p.localityId === request.localityId)) expect(caseworker.localityId).toBe(request.localityId);
    }
  });

  it('puts the default demo area (what `pnpm start` loads) in national proportions', () => {
    const demo = generateDemoArea();
    expect(demo.children).toHaveLength(DEFAULT_CHILDREN);
    // About 3% of school-age children (Reception to Year 11) have an EHC plan.
    const schoolAge = new Set(demo.children.filter((c) => ageOnAugust31(c) >= 4 && ageOnAugust31(c) <= 15).map((c) => c.id));
    const withPlan = demo.ehcPlans.filter((p) => p.ceaseDate === null && schoolAge.has(p.childId)).length / schoolAge.size;
    expect(withPlan).toBeGreaterThan(0.025);
    expect(withPlan).toBeLessThan(0.035);
    // About a fifth of the requests of the last three years refused, most assessed (about 45 requests: wide bands).
    const recent = demo.ehcRequests.filter((r) => days(r.receivedDate, AS_OF) <= 3 * 365);
    const share = (decision: string) => recent.filter((r) => r.decision === decision).length / recent.length;
    expect(share('N')).toBeGreaterThan(0.12);
    expect(share('N')).toBeLessThan(0.32);
    expect(share('Y')).toBeGreaterThan(0.5);
    // About half of new plans issued within 20 weeks, exception cases left out (national 46.4–50.3%).
    // About 55 plans: two standard errors are about 13 points.
    const issued = demo.ehcRequests.filter((r) => r.finalPlanDate !== null && r.exception === null);
    const within = issued.filter((r) => days(r.receivedDate, r.finalPlanDate!) <= 140).length / issued.length;
    expect(issued.length).toBeGreaterThan(40);
    expect(within).toBeGreaterThan(0.36);
    expect(within).toBeLessThan(0.62);
  });

  it('reviews plans about every 12 months, mostly maintained, with some overdue', () => {
    for (const review of reviews) {
      const plan = plansById.get(review.planId)!;
      expect(review.meetingDate >= plan.startDate && review.meetingDate <= AS_OF).toBe(true);
      expect(['A', 'C', 'M']).toContain(review.outcome);
    }
    expect(reviews.filter((r) => r.outcome === 'M').length / reviews.length).toBeGreaterThan(0.6);
    const last = new Map<string, string>();
    for (const review of reviews) if ((last.get(review.planId) ?? '') < review.meetingDate) last.set(review.planId, review.meetingDate);
    const dueYearAfter = (date: string) => parseIsoDay(date) + 365;
    const overdue = plans.filter((p) => dueYearAfter(last.get(p.id) ?? p.startDate) < asOfDay).length / plans.length;
    expect(overdue).toBeGreaterThan(0.03);
    expect(overdue).toBeLessThan(0.3);
  });

  it('streams the same casework it returns in one piece', () => {
    const streamed = [...createDemoAreaGenerator({ children: 300, seed: 5 }).children()].flatMap((r) => r.ehcRequests);
    expect(streamed).toEqual(generateDemoArea({ children: 300, seed: 5 }).ehcRequests);
  });
});

describe('locality teams', () => {
  const assessments = area.myWorldAssessments!;
  const requests = area.supportRequests!;
  const appointments = new Map(area.leadAppointments!.map((a) => [a.id, a]));
  const professionals = new Map(area.professionals.map((p) => [p.id, p]));
  const childById = new Map(area.children.map((c) => [c.id, c]));

  it('a few percent of children a year reach a trigger and are referred, at most one request each', () => {
    const perYear = requests.length / 2 / area.children.length;
    expect(perYear).toBeGreaterThan(0.005);
    expect(perYear).toBeLessThan(0.05);
    expect(new Set(requests.map((r) => r.childId)).size).toBe(requests.length);
    expect(new Set(assessments.map((a) => a.trigger))).toEqual(new Set(['FIRST_SUSPENSION', 'REDUCED_TIMETABLE', 'ALTERNATIVE_PROVISION_CONSIDERED', 'REQUEST_TO_HOME_EDUCATE', 'OTHER']));
  });

  it('follows the school records: a first-suspension assessment comes after that suspension, from that school', () => {
    for (const assessment of assessments.filter((a) => a.trigger === 'FIRST_SUSPENSION')) {
      const first = area.suspensions.filter((s) => s.childId === assessment.childId).sort((a, b) => a.startDate.localeCompare(b.startDate))[0]!;
      expect(assessment.completedOn > first.startDate).toBe(true);
      expect(assessment.schoolUrn).toBe(first.schoolUrn);
    }
    for (const assessment of assessments.filter((a) => a.trigger === 'ALTERNATIVE_PROVISION_CONSIDERED')) {
      expect(area.suspensions.filter((s) => s.childId === assessment.childId && s.startDate < assessment.completedOn).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('answers with an inclusion support lead of the child\'s locality, after receipt, and ends in an outcome after the response', () => {
    for (const request of requests) {
      expect(request.localityId).toBe(childById.get(request.childId)!.localityId);
      expect(request.receivedAt.slice(0, 10) >= assessments.find((a) => a.id === request.assessmentId)!.completedOn).toBe(true);
      if (!request.respondedAt) continue;
      expect(request.respondedAt >= request.receivedAt).toBe(true);
      const lead = professionals.get(appointments.get(request.leadAppointmentId!)!.professionalId)!;
      expect([lead.role, lead.localityId]).toEqual(['Inclusion support lead', request.localityId]);
      if (request.outcomeDate) expect(request.outcomeDate >= request.respondedAt.slice(0, 10)).toBe(true);
    }
    expect(requests.filter((r) => r.respondedAt).length).toBeGreaterThan(requests.length * 0.9);
  });

  it('puts the school\'s SENCO on the team, and draws interventions from the menu', () => {
    const sencos = area.teamMemberships!.filter((m) => m.teamRole === 'SENCO');
    expect(sencos.length).toBeGreaterThan(0);
    for (const member of sencos) expect(professionals.get(member.professionalId)!.role).toBe('SENCO');
    const menu = ['PARENTING_PROGRAMME', 'SPEECH_AND_LANGUAGE', 'MENTORING', 'TRAUMA_INFORMED_NURTURE', 'COUNSELLING', 'PLAY_AND_ART_THERAPY', 'MEDIATION', 'EXPLOITATION_AND_HARMFUL_BEHAVIOUR', 'FAMILY_SUPPORT', 'ATTENDANCE_SUPPORT', 'EDUCATIONAL_PSYCHOLOGY', 'YOUTH_WORK', 'OTHER'];
    for (const intervention of area.planInterventions!) expect(menu).toContain(intervention.kindCode);
  });
});
