using System.Globalization;
using System.Text;
using DiploPortal.Core.Alliances;
using DiploPortal.Core.Data;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DiploPortal.Tools;

/// <summary>
/// Imports an engagement CSV file without a browser, through the same <see cref="EngagementImport"/>
/// (checks, one transaction, one audit entry) as the import page, acting as a named account: the page's
/// rule applies (staff only, not locked), and the account's clearance and nationality bound what it may mark.
/// Rows already in the portal are skipped, refuse the file, or update their engagements (<see cref="DuplicateRows"/>, --duplicates).
/// </summary>
public static class ImportCommand
{
    public static async Task<string> RunAsync(PooledDbContextFactory<PortalDbContext> pool, TimeProvider clock, string file, string userName, DuplicateRows duplicates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(clock);
        var user = await ActingUserAsync(pool, clock, userName, cancellationToken);
        ImportReport report;
        await using (var csv = File.OpenRead(file))
        {
            var importer = new EngagementImport(new UserScopedDbContextFactory(pool, new FixedUser(user)), clock);
            report = await importer.ImportAsync(csv, Path.GetFileName(file), duplicates, progress: null, cancellationToken);
        }

        if (!report.Succeeded)
        {
            // InvalidDataException is printed as it is by DatabaseErrors and ends the tool with exit code 1.
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Nothing was imported: {Path.GetFileName(file)} has {report.ProblemCount} problem(s)."));
            foreach (var problem in report.Problems.Take(20))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  row {problem.Row}, {(problem.Column.Length == 0 ? "(row)" : problem.Column)}: {problem.Reason}");
            }

            throw new InvalidDataException(text.ToString());
        }

        var updated = report.Updated > 0 ? string.Create(CultureInfo.InvariantCulture, $"; updated {report.Updated}") : "";
        var skipped = report.Skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $"; skipped {report.Skipped} already in the portal") : "";
        return string.Create(CultureInfo.InvariantCulture, $"Imported {report.Imported} engagements from {Path.GetFileName(file)} as {user.Name}{updated}{skipped} (import {report.ImportId}).");
    }

    private static async Task<CurrentUser> ActingUserAsync(PooledDbContextFactory<PortalDbContext> pool, TimeProvider clock, string userName, CancellationToken cancellationToken)
    {
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        var normalized = userName.ToUpperInvariant();
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken)
            ?? throw new InvalidOperationException($"No account '{userName}'.");
        var now = clock.GetUtcNow();
        if (account.Role != PortalRole.Staff)
        {
            throw new InvalidOperationException($"'{userName}' is {account.Role}: only staff may import engagements, as on the import page.");
        }

        if (account.LockoutEnd is { } end && end > now)
        {
            throw new InvalidOperationException($"'{userName}' is locked.");
        }

        var alliances = AllianceReleasability.AlliancesOf(db, account.NationCode, DateOnly.FromDateTime(now.UtcDateTime), TimeSpan.Zero);
        return new CurrentUser(account.UserName ?? userName, account.Clearance, account.NationCode, alliances);
    }

    private sealed class FixedUser(CurrentUser user) : ICurrentUserAccessor
    {
        public CurrentUser Current => user;
    }
}
