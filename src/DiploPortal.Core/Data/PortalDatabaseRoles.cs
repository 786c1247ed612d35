using Npgsql;

namespace DiploPortal.Core.Data;

/// <summary>
/// The two database roles: the owner, which runs migrations and setup and owns every object, and the
/// portal's role, which owns nothing, may not create or alter anything, and may only read and append
/// to the audit trail. Run after every migration by the owner (<see cref="Setup.PortalSetup"/>), so a
/// table added by a later migration is granted too.
/// </summary>
public static class PortalDatabaseRoles
{
    /// <summary>
    /// Grants <paramref name="portalRole"/> what the portal needs on the database that
    /// <paramref name="owner"/> is connected to (as the owner of its objects), after checking that the role
    /// cannot change the trail's rules; throws <see cref="InvalidOperationException"/> (granting nothing) when it can.
    /// </summary>
    public static async Task GrantAsync(NpgsqlConnection owner, string portalRole, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(portalRole);
        if (await ProblemOfAsync(owner, portalRole, cancellationToken) is { } problem)
        {
            throw new InvalidOperationException($"The portal's database role {portalRole} {problem}; the audit trail would not be protected from the portal.");
        }

        string role;
        await using (var quote = new NpgsqlCommand("SELECT quote_ident(@role)", owner))
        {
            quote.Parameters.AddWithValue("role", portalRole);
            role = (string)(await quote.ExecuteScalarAsync(cancellationToken))!;
        }

        // Every table: read and write rows; then the trail back to read and append only, and the
        // migrations' history to read only. Sequences: nextval (the import reserves ids, the trail too).
#pragma warning disable CA2100 // The role name is quoted by PostgreSQL's quote_ident.
        await using (var grant = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entries FROM {role};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON __ef_migrations_history FROM {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            """, owner))
#pragma warning restore CA2100
        {
            await grant.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Why <paramref name="portalRole"/> could change the trail or the schema, or null when it cannot.</summary>
    public static async Task<string?> ProblemOfAsync(NpgsqlConnection connection, string portalRole, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var check = new NpgsqlCommand("""
            SELECT r.rolsuper,
                   pg_has_role(r.oid, c.relowner, 'MEMBER'),
                   has_database_privilege(r.oid, current_database(), 'CREATE'),
                   has_schema_privilege(r.oid, 'public', 'CREATE')
            FROM pg_roles r, pg_class c
            WHERE r.rolname = @role AND c.oid = 'audit_entries'::regclass
            """, connection);
        check.Parameters.AddWithValue("role", portalRole);
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return "does not exist";
        }

        return reader.GetBoolean(0) ? "is a superuser"
            : reader.GetBoolean(1) ? "owns the audit trail (or is a member of its owner)"
            : reader.GetBoolean(2) ? "may create schemas in the database (is it the database's owner?)"
            : reader.GetBoolean(3) ? "may create tables in schema public (REVOKE CREATE ON SCHEMA public FROM PUBLIC)"
            : null;
    }
}
