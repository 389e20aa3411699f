import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not imported: a migration must read the same forever.
const REMOVAL_REASONS = "'NO_LONGER_REQUIRED', 'DID_NOT_ATTEND', 'MOVED_AWAY', 'TRANSFERRED', 'OTHER'";

/**
 * The trust's waiting lists for community and specialist children's services. Children
 * are named by NHS number only: the trust never holds the platform id. `child_key` is
 * the pseudonymous child key the platform's access audit records (see child/child-key.ts):
 * a UUID made from the SHA-256 of "nhs:" and the NHS number, computed by the database
 * so that the access rule finds a batch of keys with one indexed query.
 */
export class WaitingLists1764700000000 implements MigrationInterface {
  name = 'WaitingLists1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE nhs_service (
        code            text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]*$'),
        name            text NOT NULL CHECK (length(trim(name)) > 0),
        provider_ods    text NOT NULL CHECK (provider_ods ~ '^R[A-Z0-9]{2}$'),
        standard_weeks  int  CHECK (standard_weeks BETWEEN 1 AND 104)
      );
      CREATE INDEX nhs_service_provider_idx ON nhs_service (provider_ods);

      INSERT INTO nhs_service (code, name, provider_ods, standard_weeks) VALUES
        ('CAMHS', 'Child and adolescent mental health services', 'RXY', 18),
        ('SALT', 'Speech and language therapy', 'RYY', 18),
        ('OT', 'Occupational therapy', 'RYY', 18),
        ('PHYSIO', 'Physiotherapy', 'RYY', 18),
        ('ASD_ASSESSMENT', 'Autism assessment', 'RYY', 13),
        ('ADHD_ASSESSMENT', 'ADHD assessment', 'RYY', 18),
        ('WHEELCHAIR', 'Wheelchair service', 'RYY', 18),
        ('COMMUNITY_PAEDIATRICS', 'Community paediatrics', 'RYY', 18);

      CREATE TABLE waiting_list_entry (
        id                  uuid PRIMARY KEY,
        nhs_number          char(10) NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
        child_key           uuid GENERATED ALWAYS AS (
                              (overlay(overlay(substr(encode(sha256(decode('nhs:' || nhs_number, 'escape')), 'hex'), 1, 32)
                                placing '5' from 13) placing '8' from 17))::uuid
                            ) STORED,
        service_code        text NOT NULL REFERENCES nhs_service (code),
        referral_date       date NOT NULL,
        priority            text NOT NULL CHECK (priority IN ('ROUTINE', 'URGENT')),
        first_contact_date  date,
        removal_date        date,
        removal_reason      text CHECK (removal_reason IN (${REMOVAL_REASONS})),
        locality_id         text NOT NULL CHECK (length(trim(locality_id)) > 0),
        local_area_code     text NOT NULL CHECK (local_area_code ~ '^[EWSN][0-9]{8}$'),
        -- A wait ends once: with a first contact (clock stop) or a removal, never both.
        CONSTRAINT waiting_list_entry_one_ending CHECK (first_contact_date IS NULL OR removal_date IS NULL),
        CONSTRAINT waiting_list_entry_removal_reasoned CHECK ((removal_date IS NULL) = (removal_reason IS NULL)),
        CONSTRAINT waiting_list_entry_contact_after_referral CHECK (first_contact_date IS NULL OR first_contact_date >= referral_date),
        CONSTRAINT waiting_list_entry_removal_after_referral CHECK (removal_date IS NULL OR removal_date >= referral_date)
      );
      CREATE INDEX waiting_list_entry_nhs_number_idx ON waiting_list_entry (nhs_number, referral_date);
      CREATE INDEX waiting_list_entry_child_key_idx ON waiting_list_entry (child_key, service_code);
      CREATE INDEX waiting_list_entry_service_idx ON waiting_list_entry (service_code, referral_date);
      CREATE INDEX waiting_list_entry_locality_idx ON waiting_list_entry (locality_id, service_code, referral_date);
      CREATE INDEX waiting_list_entry_area_idx ON waiting_list_entry (local_area_code, service_code, referral_date);

      -- A partner's batch of referral updates, kept so that the same batch sent again is
      -- answered from here and applied once.
      CREATE TABLE referral_batch (
        idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        submitter        text NOT NULL,
        rows_hash        char(64) NOT NULL CHECK (rows_hash ~ '^[0-9a-f]{64}$'),
        report           jsonb NOT NULL,
        submitted_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (idempotency_key, submitter)
      );
      CREATE INDEX referral_batch_submitter_idx ON referral_batch (submitter, submitted_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE referral_batch; DROP TABLE waiting_list_entry; DROP TABLE nhs_service;');
  }
}
