import { describe, expect, it } from 'vitest';
import { generateDemoArea, emptyDemoArea, HEALTH_SERVICE_CODES, SELF_EVALUATION_STATEMENT_CODES, STATUTORY_CHECK_ITEMS, DEMO_BOARD_MEMBERS } from './index.js';

const area = generateDemoArea({ children: 1500, seed: 3 });
const ASOF = '2026-11-20';

describe("the improvement board's plan", () => {
  it("is Kent's: workstreams A to E answering nine areas of weakness, each once", () => {
    expect(area.workstreams.map((w) => w.letter)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(area.workstreams.every((w) => w.localAreaCode === area.localArea.code)).toBe(true);
    expect(area.areasOfWeakness.map((a) => a.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const workstreams = new Set(area.workstreams.map((w) => w.id));
    expect(area.areasOfWeakness.every((a) => workstreams.has(a.workstreamId))).toBe(true);
    expect(area.boardMembers.map((m) => m.subject)).toEqual(DEMO_BOARD_MEMBERS.map(([subject]) => subject));
  });

  it('binds waiting-time measures to a service the trust runs, and nothing else to one', () => {
    expect(area.measures.length).toBeGreaterThanOrEqual(5);
    for (const m of area.measures) {
      const waits = m.kind === 'WAITING_52_WEEKS_OR_MORE' || m.kind === 'WAITING_UNDER_18_WEEKS';
      expect(m.serviceCode === null, m.name).toBe(!waits);
      if (waits) expect(HEALTH_SERVICE_CODES).toContain(m.serviceCode);
    }
  });

  it('sets every measure an area target, with its amber threshold on the worse side; counts a target of their own in two localities, the 2-working-day response in every locality', () => {
    const measures = new Map(area.measures.map((m) => [m.id, m]));
    const SHARES = ['EHC_PLANS_ISSUED_WITHIN_20_WEEKS', 'WAITING_UNDER_18_WEEKS', 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS'];
    for (const t of area.measureTargets) {
      expect(t.direction === 'HIGHER_IS_BETTER' ? t.amberThreshold <= t.value : t.amberThreshold >= t.value).toBe(true);
      if (SHARES.includes(measures.get(t.measureId)!.kind)) expect(t.value).toBeLessThanOrEqual(1);
      else expect(Number.isInteger(t.value) && Number.isInteger(t.amberThreshold)).toBe(true);
      expect(t.byDate > ASOF).toBe(true);
    }
    for (const m of area.measures) expect(area.measureTargets.filter((t) => t.measureId === m.id && t.localityId === null)).toHaveLength(1);
    const localitiesWithTargets = (kinds: string[]) =>
      new Set(area.measureTargets.filter((t) => t.localityId && kinds.includes(measures.get(t.measureId)!.kind)).map((t) => t.localityId));
    expect(localitiesWithTargets(['WAITING_52_WEEKS_OR_MORE', 'SUSPENSIONS_OF_PUPILS_WITH_SEN'])).toEqual(new Set(area.localities.slice(0, 2).map((l) => l.id)));
    expect(localitiesWithTargets(['EHC_PLANS_ISSUED_WITHIN_20_WEEKS', 'WAITING_UNDER_18_WEEKS'])).toEqual(new Set());
  });

  it('tracks the 2-working-day locality response under workstream B (inclusive practice), against 90% with amber from 80%, in the area and every locality', () => {
    const response = area.measures.filter((m) => m.kind === 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS');
    expect(response).toHaveLength(1);
    expect(area.workstreams.find((w) => w.id === response[0]!.workstreamId)!.letter).toBe('B');
    expect(area.areasOfWeakness.find((a) => a.id === response[0]!.areaOfWeaknessId)!.number).toBe(3);
    const targets = area.measureTargets.filter((t) => t.measureId === response[0]!.id);
    expect(targets.map((t) => t.localityId).sort()).toEqual([null, ...area.localities.map((l) => l.id)].sort());
    for (const t of targets) expect(t).toMatchObject({ value: 0.9, amberThreshold: 0.8, direction: 'HIGHER_IS_BETTER' });
  });

  it("keeps each line's RAG history as a chain ending at its current rating, in the months before the demo's day", () => {
    for (const line of area.actionPlanLines) {
      const history = area.ragChanges.filter((c) => c.lineId === line.id).sort((a, b) => (a.changedAt < b.changedAt ? -1 : 1));
      expect(history.length).toBeGreaterThanOrEqual(1);
      expect(history[0]!.fromRag).toBeNull();
      history.slice(1).forEach((c, i) => expect(c.fromRag).toBe(history[i]!.toRag));
      expect(line.rag).toBe(history[history.length - 1]!.toRag);
      expect(line.commentary).toBe(history[history.length - 1]!.commentary);
      expect(history.every((c) => c.changedAt.slice(0, 10) < ASOF)).toBe(true);
    }
    expect(area.actionPlanLines.filter((l) => l.localityId !== null)).toHaveLength(1);
  });
});

describe("schools' self-evaluations", () => {
  it('grade every statement once, with evidence above Emerging, and answer every checklist item once', () => {
    expect(area.selfEvaluations.length).toBeGreaterThan(area.schools.length / 2);
    for (const e of area.selfEvaluations) {
      const statements = area.selfEvaluationStatements.filter((s) => s.evaluationId === e.id);
      expect(statements.map((s) => s.code)).toEqual(SELF_EVALUATION_STATEMENT_CODES);
      expect(statements.every((s) => s.grade === 'EMERGING' || (s.evidence ?? '').length > 0)).toBe(true);
      expect(area.statutoryChecks.filter((c) => c.evaluationId === e.id).map((c) => c.item)).toEqual(STATUTORY_CHECK_ITEMS);
      expect(e.evaluatedDate < ASOF).toBe(true);
    }
    const grades = new Set(area.selfEvaluationStatements.map((s) => s.grade));
    expect(grades).toEqual(new Set(['EMERGING', 'DEVELOPING', 'EMBEDDED']));
  });

  it('keep action plans whose completed lines say what difference they made, completed after the evaluation and before the demo\'s day', () => {
    const evaluated = new Map(area.selfEvaluations.map((e) => [e.id, e.evaluatedDate]));
    for (const a of area.sendActions) {
      if (a.dateCompleted === null) continue;
      expect(a.evidenceOfImpact).not.toBeNull();
      expect(a.dateCompleted >= evaluated.get(a.evaluationId)!).toBe(true);
      expect(a.dateCompleted < ASOF).toBe(true);
    }
    const perSchoolDay = new Set(area.selfEvaluations.map((e) => `${e.schoolUrn}/${e.evaluatedDate}`));
    expect(perSchoolDay.size).toBe(area.selfEvaluations.length);
  });
});

describe('an empty area', () => {
  it('has no plan and no self-evaluations', () => {
    const empty = emptyDemoArea();
    for (const key of ['workstreams', 'areasOfWeakness', 'measures', 'measureTargets', 'actionPlanLines', 'ragChanges', 'boardMembers', 'selfEvaluations', 'selfEvaluationStatements', 'statutoryChecks', 'sendActions'] as const) {
      expect(empty[key]).toEqual([]);
    }
  });
});
