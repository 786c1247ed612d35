using System.Text;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;
using DiploPortal.TestSupport;

namespace DiploPortal.Core.Tests.Engagements;

/// <summary>What the duplicate-import tests share: a database with reference data, two importers and two rows.</summary>
public abstract class DuplicateImportFiles : IAsyncLifetime
{
    protected static readonly CurrentUser Staff = new("staff", Classification.Secret, "GBR", ["NATO", "FVEY"]);
    protected static readonly CurrentUser RestrictedStaff = new("staff-restricted", Classification.Restricted, "FRA", ["NATO"]);

    protected const string Header = "title,kind,channel,occurred_on,host_nation,location,participants,outcome,outcome_notes,summary,classification,releasable_to_nations,releasable_to_alliances";
    protected const string Talks = "Maritime staff talks,StaffTalks,FaceToFace,2025-03-04,FRA,Brest,GBR;FRA,Positive,Agreed an exercise,Search and rescue,Restricted,,NATO";
    protected const string Visit = "Harbour visit,PortVisit,FaceToFace,2025-04-01,FRA,Toulon,FRA,Positive,,Frigate visit,Restricted,,NATO";

    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestPostgres.CreateWithReferenceDataAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    protected static byte[] Bytes(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    protected async Task<ImportReport> ImportAsync(CurrentUser user, DuplicateRows duplicates, params string[] lines)
    {
        await using var file = new MemoryStream(Bytes(lines));
        return await new EngagementImport(Database.FactoryFor(user), TimeProvider.System).ImportAsync(file, "test.csv", duplicates);
    }

    protected async Task<ImportReport> ImportAsync(CurrentUser user, ImportOptions options, params string[] lines)
    {
        await using var file = new MemoryStream(Bytes(lines));
        return await new EngagementImport(Database.FactoryFor(user), TimeProvider.System).ImportAsync(file, "test.csv", options);
    }

    protected async Task<ImportPreview> PreviewAsync(CurrentUser user, params string[] lines)
    {
        await using var file = new MemoryStream(Bytes(lines));
        return await new EngagementImport(Database.FactoryFor(user), TimeProvider.System).PreviewAsync(file);
    }
}
