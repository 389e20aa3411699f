import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who contributed each waiting-list entry and each batch, so that a PARTNER sees the data
 * its own organisation sent and nothing else. `partner_id` is the partner claim of the
 * sending organisation's token (an NHS trust's ODS code, e.g. RXY). Entries already held
 * came from the trust that provides their service, so they are given its ODS code. A
 * batch sent by a clinician or an administrator names no partner.
 */
export class ContributingPartner1764750000000 implements MigrationInterface {
  name = 'ContributingPartner1764750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE waiting_list_entry ADD COLUMN partner_id text;
      UPDATE waiting_list_entry e SET partner_id = s.provider_ods FROM nhs_service s WHERE s.code = e.service_code;
      ALTER TABLE waiting_list_entry
        ALTER COLUMN partner_id SET NOT NULL,
        ADD CONSTRAINT waiting_list_entry_partner_named CHECK (length(trim(partner_id)) BETWEEN 1 AND 100);
      -- A partner's own list, newest referral first, and the access rule's lookup by child.
      CREATE INDEX waiting_list_entry_partner_idx ON waiting_list_entry (partner_id, referral_date, id);
      CREATE INDEX waiting_list_entry_child_partner_idx ON waiting_list_entry (child_key, partner_id);

      ALTER TABLE referral_batch
        ADD COLUMN partner_id text CHECK (length(trim(partner_id)) BETWEEN 1 AND 100);
      CREATE INDEX referral_batch_partner_idx ON referral_batch (partner_id, submitted_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX referral_batch_partner_idx;
      ALTER TABLE referral_batch DROP COLUMN partner_id;
      DROP INDEX waiting_list_entry_child_partner_idx;
      DROP INDEX waiting_list_entry_partner_idx;
      ALTER TABLE waiting_list_entry DROP CONSTRAINT waiting_list_entry_partner_named, DROP COLUMN partner_id;
    `);
  }
}
