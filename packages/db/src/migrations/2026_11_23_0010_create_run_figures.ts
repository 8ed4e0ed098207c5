import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// The regional figures of a run (issue 6): one row per run × region level × region × programme
// (programme 0 = all programmes), the idle recognised places and the watch list. Written once per
// run, after it closed: the `run_figures` row is inserted first in the same transaction, so a
// second computation of the same run writes nothing. Stored per run, so trends can be shown.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('run_figures')
    .addColumn('run_id', 'uuid', (c) => c.primaryKey().references('match_run.id').onDelete('cascade'))
    .addColumn('today', 'date', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('rows', 'integer', (c) => c.notNull().check(sql`rows >= 0`))
    .addColumn('idle_places', 'integer', (c) => c.notNull().check(sql`idle_places >= 0`))
    .addColumn('watch_items', 'integer', (c) => c.notNull().check(sql`watch_items >= 0`))
    .execute()

  const count = (name: string) => sql`${sql.ref(name)} >= 0`
  await db.schema
    .createTable('run_figure')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('run_figures.run_id').onDelete('cascade'))
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('flanders', 'province', 'arrondissement', 'region')`),
    )
    .addColumn('region_key', 'text', (c) => c.notNull())
    .addColumn('region_label', 'text', (c) => c.notNull())
    // 0: all programmes together (structuuronderdeel numbers are positive).
    .addColumn('programme_id', 'integer', (c) => c.notNull().check(sql`programme_id >= 0`))
    .addColumn('seekers', 'integer', (c) => c.notNull().check(count('seekers')))
    .addColumn('proposed', 'integer', (c) => c.notNull().check(count('proposed')))
    .addColumn('unmatched', 'integer', (c) => c.notNull().check(count('unmatched')))
    .addColumn('accepted', 'integer', (c) => c.notNull().check(count('accepted')))
    .addColumn('places', 'integer', (c) => c.notNull().check(count('places')))
    .addColumn('seats', 'integer', (c) => c.notNull().check(count('seats')))
    .addColumn('free_seats', 'integer', (c) => c.notNull().check(count('free_seats')))
    .addColumn('idle_seats', 'integer', (c) => c.notNull().check(count('idle_seats')))
    .addColumn('recognised_places', 'integer', (c) => c.notNull().check(count('recognised_places')))
    .addColumn('idle_recognised_places', 'integer', (c) => c.notNull().check(count('idle_recognised_places')))
    .addColumn('unmatched_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('shortage_x100', 'integer')
    .addColumn('placement_pct', 'smallint')
    .addColumn('chance', 'smallint', (c) => c.check(sql`chance between 1 and 5`))
    .addColumn('flanders_shortage_x100', 'integer')
    .addColumn('flanders_placement_pct', 'smallint')
    .addColumn('shortage_vs_flanders_pct', 'integer')
    .addColumn('placement_vs_flanders_pp', 'smallint')
    .addPrimaryKeyConstraint('run_figure_pkey', ['run_id', 'level', 'region_key', 'programme_id'])
    .execute()
  // Trends: one region and programme over the nights.
  await db.schema
    .createIndex('run_figure_trend_idx')
    .on('run_figure')
    .columns(['level', 'region_key', 'programme_id'])
    .execute()

  await db.schema
    .createTable('run_figure_idle_place')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('run_figures.run_id').onDelete('cascade'))
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('place.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('not_proposed', 'not_filled')`))
    .addColumn('company_id', 'uuid', (c) => c.notNull())
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('postcode', 'varchar(4)', (c) => c.notNull())
    .addColumn('municipality', 'text')
    .addColumn('regions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('programmes', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('free_seats', 'integer', (c) => c.notNull().check(count('free_seats')))
    .addColumn('accepted_seats', 'integer', (c) => c.notNull().check(count('accepted_seats')))
    .addColumn('proposals', 'integer', (c) => c.notNull().check(count('proposals')))
    .addPrimaryKeyConstraint('run_figure_idle_place_pkey', ['run_id', 'place_id'])
    .execute()

  await db.schema
    .createTable('run_figure_watch')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('run_figures.run_id').onDelete('cascade'))
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('place.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('recognition_expiring', 'mentor_training_due', 'mentor_training_overdue')`),
    )
    // 0 for a mentor (not tied to one programme).
    .addColumn('programme_id', 'integer', (c) => c.notNull().check(sql`programme_id >= 0`))
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('days_left', 'integer', (c) => c.notNull())
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('postcode', 'varchar(4)', (c) => c.notNull())
    .addColumn('municipality', 'text')
    // The schools that rely on the place: [{ id, name }].
    .addColumn('schools', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addPrimaryKeyConstraint('run_figure_watch_pkey', ['run_id', 'place_id', 'kind', 'programme_id'])
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('run_figure_watch').execute()
  await db.schema.dropTable('run_figure_idle_place').execute()
  await db.schema.dropIndex('run_figure_trend_idx').execute()
  await db.schema.dropTable('run_figure').execute()
  await db.schema.dropTable('run_figures').execute()
}
