import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// The admin API (issue 5): key roles admin / school (one school or one school group) / company (one
// company), the coordinator's overrides (pins before a run, moved proposals) with their reasons, and
// the school's release of contact details for an accepted proposal.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  // No code ever created keys with the old roles; a coordinator key with a school becomes a school key.
  await sql`update api_key set role = 'school' where role = 'coordinator' and scope_school_id is not null`.execute(
    db,
  )
  await sql`delete from api_key where role not in ('admin', 'school')`.execute(db)
  await sql`alter table api_key drop constraint if exists api_key_role_check`.execute(db)
  await db.schema
    .alterTable('api_key')
    .addColumn('scope_school_group_id', 'uuid', (c) => c.references('school_group.id').onDelete('cascade'))
    .addColumn('scope_company_id', 'uuid', (c) => c.references('company.id').onDelete('cascade'))
    .execute()
  await db.schema
    .alterTable('api_key')
    .addCheckConstraint(
      'api_key_role_scope_check',
      sql`(role = 'admin' and scope_school_id is null and scope_school_group_id is null and scope_company_id is null)
       or (role = 'school' and (scope_school_id is null) <> (scope_school_group_id is null) and scope_company_id is null)
       or (role = 'company' and scope_company_id is not null and scope_school_id is null and scope_school_group_id is null)`,
    )
    .execute()

  // A pin holds until it is removed; a move changes a stored run's proposal. Both need a reason.
  await db.schema
    .createTable('placement_override')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pin', 'move')`))
    .addColumn('student_id', 'uuid', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('place.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`btrim(reason) <> ''`))
    .addColumn('run_id', 'uuid', (c) => c.references('match_run.id').onDelete('cascade'))
    .addColumn('from_place_id', 'uuid', (c) => c.references('place.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('removed_by', 'text')
    .addColumn('removed_at', 'timestamptz')
    .addCheckConstraint(
      'placement_override_move_check',
      sql`kind = 'pin' or (run_id is not null and from_place_id is not null)`,
    )
    .execute()
  // At most one pin in force per student.
  await db.schema
    .createIndex('placement_override_active_pin_key')
    .on('placement_override')
    .column('student_id')
    .unique()
    .where(sql.ref('kind'), '=', 'pin')
    .where(sql.ref('removed_at'), 'is', null)
    .execute()

  await db.schema
    .createTable('contact_release')
    .addColumn('proposal_id', 'uuid', (c) => c.primaryKey().references('proposal.id').onDelete('cascade'))
    .addColumn('released_by', 'text', (c) => c.notNull())
    .addColumn('released_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject', 'at']).execute()
  await db.schema
    .createIndex('student_school_status_idx')
    .on('student')
    .columns(['school_id', 'status'])
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('student_school_status_idx').execute()
  await db.schema.dropIndex('audit_log_subject_idx').execute()
  await db.schema.dropTable('contact_release').execute()
  await db.schema.dropTable('placement_override').execute()
  await sql`delete from api_key where role <> 'admin' and scope_school_id is null`.execute(db)
  await sql`update api_key set role = 'coordinator' where role <> 'admin'`.execute(db)
  await db.schema.alterTable('api_key').dropConstraint('api_key_role_scope_check').execute()
  await db.schema
    .alterTable('api_key')
    .dropColumn('scope_school_group_id')
    .dropColumn('scope_company_id')
    .execute()
  await sql`alter table api_key add constraint api_key_role_check check (role in ('admin', 'coordinator', 'service'))`.execute(
    db,
  )
}
