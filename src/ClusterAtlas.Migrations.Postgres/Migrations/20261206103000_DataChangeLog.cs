using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Postgres.Migrations
{
    /// <summary>
    /// A transaction that writes a registry table adds one row to "DataChanges" (its transaction id, from a
    /// statement-level trigger), in its own transaction; ClusterAtlas.Data.DataVersion counts the rows it can see. The
    /// count changes exactly when a change to the registry commits, in this database only; rows are never deleted (a
    /// deletion could cancel out a commit in the count), and there is one per writing transaction, not per statement. The server's next transaction id, used before, moved with
    /// every transaction of the whole server (autovacuum, other databases), emptying the caches for nothing, and moved
    /// when a writer began rather than when it committed, so a cache filled during a long import could outlive it.
    /// Accounts, tokens, change requests and the audit trail are not the registry and are left out.
    /// </summary>
    public partial class DataChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "DataChanges" ("Transaction" bigint PRIMARY KEY);
                CREATE FUNCTION atlas_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "DataChanges" VALUES (txid_current()) ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                DO $$
                DECLARE t regclass;
                BEGIN
                    FOR t IN
                        SELECT c.oid::regclass FROM pg_class c
                        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                          AND c.relname NOT IN ('DataChanges', '__EFMigrationsHistory', 'ApiTokens', 'AuditEntries', 'ChangeRequests', 'EditorScopes')
                          AND c.relname NOT LIKE 'AspNet%'
                    LOOP
                        EXECUTE format('CREATE TRIGGER atlas_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION atlas_data_changed()', t);
                    END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                DECLARE t regclass;
                BEGIN
                    FOR t IN SELECT DISTINCT tgrelid::regclass FROM pg_trigger WHERE tgname = 'atlas_data_changed' LOOP
                        EXECUTE format('DROP TRIGGER atlas_data_changed ON %s', t);
                    END LOOP;
                END $$;
                DROP FUNCTION atlas_data_changed();
                DROP TABLE "DataChanges";
                """);
        }
    }
}
