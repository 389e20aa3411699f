import { describe, it, expect } from 'vitest';
import { SEN_NEED_TYPES, SUSPENSION_REASONS } from './index.js';

describe('reference data', () => {
  it('lists the fifteen DfE suspension reasons', () => {
    expect(SUSPENSION_REASONS.map((r) => r.code).sort()).toEqual(
      ['AB', 'AD', 'BU', 'DA', 'DB', 'MT', 'PA', 'PD', 'PP', 'RA', 'SM', 'TH', 'VA', 'VP', 'WP'],
    );
    expect(SUSPENSION_REASONS.find((r) => r.code === 'PD')?.description).toBe('Persistent or general disruptive behaviour');
  });

  it('lists the thirteen SEN need types', () => {
    expect(SEN_NEED_TYPES).toHaveLength(13);
    expect(SEN_NEED_TYPES.find((n) => n.code === 'NSA')?.description).toMatch(/no specialist assessment/);
  });
});
