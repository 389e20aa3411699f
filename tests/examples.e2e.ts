import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '@local-area-graph/test-kit';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.graphql'));

let kit: TestPlatform;
let variables: Record<string, unknown>;

beforeAll(async () => {
  kit = await startTestPlatform();
  // Real ids from the loaded demo data, offered to every example.
  const data: any = await kit.gateway.data(
    '{ localAreas { code localities { id } } children(first: 50) { nodes { id nhsNumber education { currentSchool { urn } } } } nhsServices { providerOdsCode } }',
  );
  const pupil = data.children.nodes.find((n: any) => n.education?.currentSchool);
  variables = {
    laCode: data.localAreas[0].code,
    localityId: data.localAreas[0].localities[0].id,
    childId: pupil.id,
    nhsNumber: pupil.nhsNumber,
    urn: pupil.education.currentSchool.urn,
    // A trust that sends waiting-list entries: the demo's entries come from their services' providers.
    partnerId: data.nhsServices[0].providerOdsCode,
  };
});
afterAll(async () => kit?.stop());

describe('examples/*.graphql run against the demo data', () => {
  it('has examples to run', () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const file of files) {
    it(file, async () => {
      const query = readFileSync(EXAMPLES + file, 'utf8');
      const declared = [...query.matchAll(/\$(\w+)\s*:/g)].map((match) => match[1]!);
      const result = await kit.gateway.query(query, Object.fromEntries(declared.filter((name) => name in variables).map((name) => [name, variables[name]])));
      expect(result.errors).toBeUndefined();
      expect(Object.values(result.data as object).every((value) => value !== null)).toBe(true);
    });
  }
});
