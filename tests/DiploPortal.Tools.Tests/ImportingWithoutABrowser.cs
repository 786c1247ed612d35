using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Tools.Tests;

/// <summary>
/// The tools' <c>import</c> command: the fault drill's importer, and any script's. It must apply the
/// import page's rules (staff only, every row checked, all or nothing, one audit entry under the account).
/// </summary>
public sealed class ImportingWithoutABrowser : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        // The command reads the chain key from the environment, as the tools do in production.
        Environment.SetEnvironmentVariable(AuditChainKey.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal), TestPostgres.ChainKeyText);
        _database = await TestPostgres.CreateWithReferenceDataAsync();
        _folder = Directory.CreateTempSubdirectory("dp-import-").FullName;
        await using var db = _database.CreateContext();
        foreach (var (name, role) in new[] { ("import-staff", PortalRole.Staff), ("import-analyst", PortalRole.Analyst) })
        {
            db.Users.Add(new PortalUser
            {
                UserName = name,
                NormalizedUserName = name.ToUpperInvariant(),
                DisplayName = name,
                Role = role,
                Clearance = Classification.Secret,
                NationCode = "GBR",
                SecurityStamp = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_staff_account_imports_every_row_in_one_audited_transaction_and_the_command_says_so()
    {
        var file = await WriteFileAsync("good.csv", Row("Tools import one", "2025-03-04"), Row("Tools import two", "2025-03-05"));

        var (exit, output, error) = await RunAsync("import", "--file", file, "--as", "import-staff", "--connection", _database.ConnectionString);

        Assert.True(exit == ToolApp.Success, error);
        Assert.Contains("Imported 2 engagements from good.csv as import-staff", output, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(2, await db.Engagements.IgnoreQueryFilters().CountAsync(e => e.Title.StartsWith("Tools import ")));
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Imported);
        Assert.Equal("import-staff", entry.Actor);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_writes_nothing_and_fails_with_the_row_and_column()
    {
        var file = await WriteFileAsync("bad.csv", Row("Tools import fine", "2025-03-04"), Row("Tools import ambiguous", "03/04/2025"));

        var (exit, _, error) = await RunAsync("import", "--file", file, "--as", "import-staff", "--connection", _database.ConnectionString);

        Assert.Equal(ToolApp.Failure, exit);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Contains("row 3, occurred_on", error, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Engagements.IgnoreQueryFilters().CountAsync(e => e.Title.StartsWith("Tools import ")));
    }

    [Fact]
    public async Task An_account_that_is_not_staff_may_not_import_as_on_the_import_page()
    {
        var file = await WriteFileAsync("analyst.csv", Row("Tools import by an analyst", "2025-03-04"));

        var (exit, _, error) = await RunAsync("import", "--file", file, "--as", "import-analyst", "--connection", _database.ConnectionString);

        Assert.Equal(ToolApp.Failure, exit);
        Assert.Contains("only staff may import", error, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Engagements.IgnoreQueryFilters().CountAsync(e => e.Title.StartsWith("Tools import ")));
    }

    [Fact]
    public async Task Duplicates_update_changes_the_engagements_whose_details_differ_and_says_how_many()
    {
        var first = await WriteFileAsync("first.csv", Row("Tools import kept", "2025-03-04"), Row("Tools import changed", "2025-03-05"));
        Assert.Equal(ToolApp.Success, (await RunAsync("import", "--file", first, "--as", "import-staff", "--connection", _database.ConnectionString)).Exit);
        var again = await WriteFileAsync(
            "again.csv", Row("Tools import kept", "2025-03-04"), Row("Tools import changed", "2025-03-05").Replace("Talks about the Channel", "Talks about the North Sea", StringComparison.Ordinal));

        var (exit, output, error) = await RunAsync("import", "--file", again, "--as", "import-staff", "--duplicates", "update", "--connection", _database.ConnectionString);

        Assert.True(exit == ToolApp.Success, error);
        Assert.Contains("Imported 0 engagements from again.csv as import-staff; updated 1; skipped 1 already in the portal", output, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(
            ["Talks about the Channel", "Talks about the North Sea"],
            await db.Engagements.IgnoreQueryFilters().Where(e => e.Title.StartsWith("Tools import ")).OrderBy(e => e.OccurredOn).Select(e => e.Summary).ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Updated && a.EntityType == "Engagement" && a.Actor == "import-staff"));
    }

    private static string Row(string title, string day) =>
        $"{title},StaffTalks,FaceToFace,{day},FRA,Brest,GBR;FRA,Positive,,Talks about the Channel,Restricted,,NATO";

    private async Task<string> WriteFileAsync(string name, params string[] rows)
    {
        var path = Path.Combine(_folder, name);
        var header = Core.Engagements.EngagementImport.Template().Split('\n')[0].TrimEnd('\r');
        await File.WriteAllLinesAsync(path, [header, .. rows]);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ToolApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
