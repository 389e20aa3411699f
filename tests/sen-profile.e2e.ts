import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@local-area-graph/test-kit';
import { generateDemoArea, type DemoArea } from '@local-area-graph/demo-data';

// A BI dashboard's SEN figures, for an analyst: computed in SQL from the pupils on
// roll today, with small counts withheld (DfE rule) and never shown as 0.
let area: DemoArea;
let kit: TestPlatform;

beforeAll(async () => {
  area = generateDemoArea({ children: 800, seed: 17 });
  kit = await startTestPlatform({ demoArea: area });
});
afterAll(async () => kit?.stop());

type Counts = { noSen: number; senSupport: number; ehcPlan: number };

/** The same figures, counted by hand from the generated records. */
function expectedCounts(inScope: (schoolUrn: string) => boolean): Counts {
  const onRoll = new Set(area.enrolments.filter((e) => e.endDate === null && inScope(e.schoolUrn)).map((e) => e.childId));
  const provision = new Map(area.senProvision.filter((p) => p.endDate === null).map((p) => [p.childId, p.provision]));
  const counts = { noSen: 0, senSupport: 0, ehcPlan: 0 };
  for (const child of onRoll) {
    const code = provision.get(child) ?? 'N';
    if (code === 'K') counts.senSupport++;
    else if (code === 'E') counts.ehcPlan++;
    else counts.noSen++;
  }
  return counts;
}

const PROFILE = 'senProfile { pupils { value suppressed symbol } noSen { value suppressed symbol } senSupport { value suppressed symbol } ehcPlan { value suppressed symbol } senSupportShare { value suppressed } ehcPlanShare { value suppressed } }';

function checkProfile(profile: any, counts: Counts, label: string) {
  const total = counts.noSen + counts.senSupport + counts.ehcPlan;
  const cells = { noSen: profile.noSen, senSupport: profile.senSupport, ehcPlan: profile.ehcPlan };
  for (const [name, figure] of Object.entries(cells)) {
    const raw = counts[name as keyof Counts];
    if (raw >= 1 && raw <= 5) expect(figure, `${label} ${name}=${raw}`).toEqual({ value: null, suppressed: true, symbol: 'CONFIDENTIAL' });
    if (figure.suppressed) expect(figure.value, `${label} ${name}`).toBeNull();
    else expect(figure.value, `${label} ${name}`).toBe(raw);
  }
  // Nothing withheld can be worked out from the total: never exactly one withheld cell beside a shown total.
  const withheld = Object.values(cells).filter((f: any) => f.suppressed).length;
  if (!profile.pupils.suppressed) {
    expect(profile.pupils.value).toBe(total);
    expect(withheld, `${label}: one withheld cell could be recovered from the total`).not.toBe(1);
  }
  for (const [share, cell] of [[profile.senSupportShare, profile.senSupport], [profile.ehcPlanShare, profile.ehcPlan]] as const) {
    if (cell.suppressed) expect(share, `${label}: a share would give back its withheld count`).toEqual({ value: null, suppressed: true });
  }
}

describe('SEN profiles for BI dashboards', () => {
  it('an analyst reads them for the area, each locality and each school, with small counts withheld', async () => {
    const analyst = await kit.as({ sub: 'bi.team', role: 'ANALYST' }, null);
    const result = await analyst.query(
      `query ($code: LaCode!) { localArea(code: $code) { ${PROFILE} localities { id ${PROFILE} schools { urn ${PROFILE} } } } }`,
      { code: area.localArea.code },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data.localArea;
    const schoolById = new Map(area.schools.map((s) => [s.urn, s]));
    checkProfile(data.senProfile, expectedCounts(() => true), 'area');
    let withheldSomewhere = false;
    for (const locality of data.localities) {
      checkProfile(locality.senProfile, expectedCounts((urn) => schoolById.get(urn)!.localityId === locality.id), locality.id);
      for (const school of locality.schools) {
        checkProfile(school.senProfile, expectedCounts((urn) => urn === school.urn), school.urn);
        withheldSomewhere ||= [school.senProfile.senSupport, school.senProfile.ehcPlan].some((f: any) => f.suppressed);
      }
    }
    // The demo area has small schools, so the rule is exercised, not just passed over.
    expect(withheldSomewhere).toBe(true);
  });

  it('the area figure matches the national shape: about 12% SEN support, 3% EHC plans', async () => {
    const result = await kit.gateway.data(`query ($code: LaCode!) { localArea(code: $code) { ${PROFILE} } }`, { code: area.localArea.code });
    const profile = result.localArea.senProfile;
    expect(profile.senSupportShare.value).toBeGreaterThan(0.08);
    expect(profile.senSupportShare.value).toBeLessThan(0.17);
    expect(profile.ehcPlanShare.value).toBeGreaterThan(0.015);
    expect(profile.ehcPlanShare.value).toBeLessThan(0.06);
  });
});
