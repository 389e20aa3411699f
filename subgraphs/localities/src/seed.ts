import type { DataSource } from 'typeorm';
import { insertInChunks } from '@local-area-graph/database';
import type { DemoArea } from '@local-area-graph/demo-data';
import { LocalArea } from './local-area/local-area.js';
import { Locality } from './locality/locality.js';
import { Child, type Sex } from './child/child.js';
import { Professional, type Agency } from './professional/professional.js';

/** Loads the demo area's register: the area, its localities, children and professionals. One transaction. */
export async function seedLocalities(db: DataSource, demo: DemoArea): Promise<void> {
  await db.transaction(async (manager) => {
    await insertInChunks(manager, LocalArea, [demo.localArea]);
    await insertInChunks(manager, Locality, demo.localities);
    // The register records each child's current school, as the census tells the local authority.
    const schoolOf = new Map(demo.enrolments.filter((e) => e.endDate === null).map((e) => [e.childId, e.schoolUrn]));
    await insertInChunks(
      manager,
      Child,
      demo.children.map((child) => ({ ...child, sex: child.sex as Sex, schoolUrn: schoolOf.get(child.id) ?? null })),
    );
    await insertInChunks(
      manager,
      Professional,
      // The demo's identity provider signs professionals in by their work email.
      demo.professionals.map((professional) => ({ ...professional, agency: professional.agency as Agency, subject: professional.email })),
    );
  });
}

export async function isLocalitiesEmpty(db: DataSource): Promise<boolean> {
  const [row] = await db.query('SELECT NOT EXISTS (SELECT 1 FROM local_area) AS empty');
  return row.empty;
}
