import type { CareTeamPassSigner, CareTeamPassVerifier, CareTeamRelationship, Viewer } from '@local-area-graph/trust';

/** How a subgraph names the child a care-team relationship is about (its audit and access key). */
export type CareTeamKey = (relationship: CareTeamRelationship) => string;
export const byPlatformId: CareTeamKey = (relationship) => relationship.childId;

/** The register's keys, as one subgraph holds them: every subgraph verifies; only the register signs. */
export interface CareTeamTrust {
  verifier?: CareTeamPassVerifier;
  signer?: CareTeamPassSigner;
}

/**
 * The team-around-the-child relationships the viewer has shown in one request.
 *
 * The register (localities) knows the team; each other subgraph learns of a
 * relationship only from a care-team pass the register signed, which the gateway
 * hands over in an entity representation (`@requires(fields: "careTeamPass")`).
 * The kit admits each pass while resolving the reference, before any field of that
 * child is read, so the same check covers the gateway and a direct `_entities` call.
 */
export class CareTeamGrants {
  private readonly grants = new Map<string, { lead: boolean }>();
  private readonly seen = new Map<string, Promise<void>>();

  constructor(
    private readonly viewer: Viewer,
    private readonly trust: CareTeamTrust,
    private readonly keyOf: CareTeamKey,
  ) {}

  /** Checks a pass; a valid, current pass for this viewer grants them that child. Anything else grants nothing. */
  admit(pass: string): Promise<void> {
    let checked = this.seen.get(pass);
    if (!checked) {
      checked = this.check(pass);
      this.seen.set(pass, checked);
    }
    return checked;
  }

  /** The register itself, which knows the team first-hand, records what it found. */
  grant(relationship: CareTeamRelationship): void {
    this.record(relationship);
  }

  /** The relationship shown for a child (by this subgraph's key), if any. */
  relationshipTo(childKey: string): { lead: boolean } | undefined {
    return this.grants.get(childKey);
  }

  /** A pass stating the viewer's relationship, for the register to hand to the other services. */
  async issue(relationship: CareTeamRelationship): Promise<string | null> {
    return this.trust.signer ? this.trust.signer.sign(this.viewer.subject, relationship) : null;
  }

  private async check(pass: string): Promise<void> {
    if (!this.trust.verifier) return;
    const relationship = await this.trust.verifier.verify(pass, this.viewer.subject);
    if (relationship) this.record(relationship);
  }

  private record(relationship: CareTeamRelationship): void {
    const key = this.keyOf(relationship);
    const lead = relationship.lead || (this.grants.get(key)?.lead ?? false);
    this.grants.set(key, { lead });
  }
}
