using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Nations;

/// <summary>The descriptive facts of a nation as an administrator edits them; its codes and dates come from ISO 3166 and stay as loaded.</summary>
public sealed class NationForm : IRecordForm
{
    public const int NameMaxLength = 100;
    public const int OfficialNameMaxLength = 200;
    public const int RegionMaxLength = 40;
    public const int SubRegionMaxLength = 60;
    public const int CapitalMaxLength = 100;

    /// <summary>Shown, not edited.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? OfficialName { get; set; }

    public string Region { get; set; } = "";

    public string? SubRegion { get; set; }

    public string? Capital { get; set; }

    public uint Version { get; set; }

    public NationForm Copy() => (NationForm)MemberwiseClone();
}

/// <summary>
/// Changes a nation's name, official name, region and capital (administrators only). Nations are neither
/// created nor deleted here: every state and former state of ISO 3166 is loaded from the reference files,
/// and records point at them.
/// </summary>
public sealed class NationEditor(IDbContextFactory<PortalDbContext> dbFactory) : RecordEditor<Nation, NationForm>(dbFactory)
{
    private readonly IDbContextFactory<PortalDbContext> _dbFactory = dbFactory;

    /// <summary>The id of the nation with this code, or null.</summary>
    public async Task<int?> FindIdAsync(string code, CancellationToken cancellationToken = default)
    {
        var wanted = RecordCode.Normalise(code);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Nations.Where(n => n.Code == wanted).Select(n => (int?)n.Id).SingleOrDefaultAsync(cancellationToken);
    }

    protected override Nation NewRecord() => throw new NotSupportedException("Nations come from the ISO 3166 reference files; they are not created by hand.");

    protected override Task<string?> DeleteRefusalAsync(PortalDbContext db, Nation record, CancellationToken cancellationToken) =>
        Task.FromResult<string?>($"{record.Name} is part of ISO 3166 and records point at it; nations are not deleted.");

    protected override async Task<NationForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Nations.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new NationForm
            {
                Code = n.Code,
                Name = n.Name,
                OfficialName = n.OfficialName,
                Region = n.Region,
                SubRegion = n.SubRegion,
                Capital = n.Capital,
                Version = n.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);

    protected override Task<FormCheck<Nation>> CheckAsync(PortalDbContext db, NationForm form, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        FormRules.Required(errors, nameof(form.Name), form.Name, NationForm.NameMaxLength, "Give the nation's name.");
        FormRules.Length(errors, nameof(form.OfficialName), form.OfficialName, NationForm.OfficialNameMaxLength);
        FormRules.Required(errors, nameof(form.Region), form.Region, NationForm.RegionMaxLength, "Give the region.");
        FormRules.Length(errors, nameof(form.SubRegion), form.SubRegion, NationForm.SubRegionMaxLength);
        FormRules.Length(errors, nameof(form.Capital), form.Capital, NationForm.CapitalMaxLength);
        return Task.FromResult(FormCheck.Of<Nation>(errors, nation =>
        {
            nation.Name = form.Name.Trim();
            nation.OfficialName = FormRules.OrNull(form.OfficialName);
            nation.Region = form.Region.Trim();
            nation.SubRegion = FormRules.OrNull(form.SubRegion);
            nation.Capital = FormRules.OrNull(form.Capital);
        }));
    }
}
