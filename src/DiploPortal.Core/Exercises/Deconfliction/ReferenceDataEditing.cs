using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises.Deconfliction;

/// <summary>A training area as an administrator edits it: its nation by alpha-3 code.</summary>
public sealed class TrainingAreaForm : IRecordForm
{
    public string Name { get; set; } = "";

    public string? Nation { get; set; }

    public string? Description { get; set; }

    public string? Source { get; set; }

    public uint Version { get; set; }
}

/// <summary>A nation's capacity as an administrator edits it: the figures, and either a source or an assumption with its note.</summary>
public sealed class NationCapacityForm : IRecordForm
{
    public int Personnel { get; set; }

    public int Ships { get; set; }

    public int Aircraft { get; set; }

    public string? Source { get; set; }

    public bool IsAssumption { get; set; }

    public string? Note { get; set; }

    public uint Version { get; set; }
}

/// <summary>A training area in the administrators' list, with how many exercises use it.</summary>
public sealed record TrainingAreaRow(int Id, string NationCode, string Nation, string Name, string? Description, string? Source, int ExerciseCount, uint Version);

/// <summary>A nation's capacity in the administrators' list.</summary>
public sealed record NationCapacityRow(int Id, string NationCode, string Nation, int Personnel, int Ships, int Aircraft, string? Source, bool IsAssumption, string? Note, uint Version);

/// <summary>The rules for the reference data administrators edit (the database holds the same ones by constraint).</summary>
public static class ReferenceDataRules
{
    /// <summary>A name, a nation that exists, and bounded text without NUL characters.</summary>
    public static FieldErrors CheckTrainingArea(TrainingAreaForm form, Func<string, bool> nationExists)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FieldErrors();
        FormRules.Required(errors, nameof(form.Name), form.Name, TrainingArea.NameMaxLength, "Name the training area.");
        if (RecordCode.Normalise(form.Nation) is null)
        {
            errors.Add(nameof(form.Nation), "Name the nation the area is in.");
        }

        FormRules.KnownNation(errors, nameof(form.Nation), form.Nation, nationExists);
        FormRules.Length(errors, nameof(form.Description), form.Description, TrainingArea.DescriptionMaxLength);
        FormRules.Length(errors, nameof(form.Source), form.Source, TrainingArea.SourceMaxLength);
        return errors;
    }

    /// <summary>Figures not below zero; a sourced figure cites its source, an assumption says in a note how it was derived.</summary>
    public static FieldErrors CheckCapacity(NationCapacityForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FieldErrors();
        FormRules.NotNegative(errors, nameof(form.Personnel), form.Personnel, "Personnel");
        FormRules.NotNegative(errors, nameof(form.Ships), form.Ships, "Ships");
        FormRules.NotNegative(errors, nameof(form.Aircraft), form.Aircraft, "Aircraft");
        if (form.IsAssumption)
        {
            FormRules.Required(errors, nameof(form.Note), form.Note, NationCapacity.NoteMaxLength, "Say how the assumed figures were derived.");
            FormRules.Length(errors, nameof(form.Source), form.Source, NationCapacity.SourceMaxLength);
        }
        else
        {
            FormRules.Required(errors, nameof(form.Source), form.Source, NationCapacity.SourceMaxLength, "Cite the source of the figures, or mark them as an assumption.");
            FormRules.Length(errors, nameof(form.Note), form.Note, NationCapacity.NoteMaxLength);
        }

        return errors;
    }
}

/// <summary>Creates, changes and deletes training areas (administrators); an area an exercise uses is not deleted.</summary>
public sealed class TrainingAreaEditor(IDbContextFactory<PortalDbContext> dbFactory) : RecordEditor<TrainingArea, TrainingAreaForm>(dbFactory)
{
    /// <summary>Every training area by nation and name, with how many exercises use it.</summary>
    public Task<IReadOnlyList<TrainingAreaRow>> ListAsync(CancellationToken cancellationToken = default) =>
        ReadWithAsync<IReadOnlyList<TrainingAreaRow>>(
            async db => await db.TrainingAreas.AsNoTracking()
                .OrderBy(a => a.Nation!.Name).ThenBy(a => a.Name)
                .Select(a => new TrainingAreaRow(a.Id, a.Nation!.Code, a.Nation.Name, a.Name, a.Description, a.Source,
                    db.Exercises.Count(e => e.TrainingAreaId == a.Id), a.Version))
                .ToListAsync(cancellationToken),
            cancellationToken);

    protected override TrainingArea NewRecord() => new() { Name = "" };

    protected override async Task<FormCheck<TrainingArea>> CheckAsync(PortalDbContext db, TrainingAreaForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var nations = await FormRules.NationIdsAsync(db, [form.Nation], cancellationToken);
        var errors = ReferenceDataRules.CheckTrainingArea(form, nations.ContainsKey);
        return FormCheck.Of<TrainingArea>(errors, area =>
        {
            area.Name = form.Name.Trim();
            area.NationId = nations[RecordCode.Normalise(form.Nation)!];
            area.Description = FormRules.OrNull(form.Description);
            area.Source = FormRules.OrNull(form.Source);
        });
    }

    protected override async Task<FormCheck<TrainingArea>> CheckAsync(PortalDbContext db, int? id, TrainingAreaForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var check = await CheckAsync(db, form, cancellationToken);
        if (check.Apply is null)
        {
            return check;
        }

        var name = form.Name.Trim();
        var code = RecordCode.Normalise(form.Nation);
        var taken = await db.TrainingAreas.AnyAsync(a => a.Id != (id ?? 0) && a.Name == name && a.Nation!.Code == code, cancellationToken);
        if (!taken)
        {
            return check;
        }

        var errors = new FieldErrors();
        errors.Add(nameof(form.Name), $"{code} already has a training area named {name}.");
        return FormCheck.Invalid<TrainingArea>(null, errors);
    }

    protected override async Task<string?> DeleteRefusalAsync(PortalDbContext db, TrainingArea record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.Id;
        // The exercises the administrator may see; the foreign key refuses the delete when only unseen ones use it.
        var count = await db.Exercises.CountAsync(e => e.TrainingAreaId == id, cancellationToken);
        return count == 0 ? null : $"{record.Name} is the training area of {count} exercise{(count == 1 ? "" : "s")}; choose another area for {(count == 1 ? "it" : "them")} first.";
    }

    protected override Task<TrainingAreaForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.TrainingAreas.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new TrainingAreaForm { Name = a.Name, Nation = a.Nation!.Code, Description = a.Description, Source = a.Source, Version = a.Version })
            .SingleOrDefaultAsync(cancellationToken);
}

/// <summary>Changes a nation's capacity (administrators); the rows themselves come with the reference data, one per nation.</summary>
public sealed class NationCapacityEditor(IDbContextFactory<PortalDbContext> dbFactory) : RecordEditor<NationCapacity, NationCapacityForm>(dbFactory)
{
    /// <summary>Every nation's capacity, by nation name.</summary>
    public Task<IReadOnlyList<NationCapacityRow>> ListAsync(CancellationToken cancellationToken = default) =>
        ReadWithAsync<IReadOnlyList<NationCapacityRow>>(
            async db => await db.NationCapacities.AsNoTracking()
                .OrderBy(c => c.Nation!.Name)
                .Select(c => new NationCapacityRow(c.Id, c.Nation!.Code, c.Nation.Name, c.Personnel, c.Ships, c.Aircraft, c.Source, c.IsAssumption, c.Note, c.Version))
                .ToListAsync(cancellationToken),
            cancellationToken);

    /// <summary>The nation's name for the edit page's heading, or null.</summary>
    public Task<string?> NationOfAsync(int id, CancellationToken cancellationToken = default) =>
        ReadWithAsync(db => db.NationCapacities.Where(c => c.Id == id).Select(c => c.Nation!.Name).SingleOrDefaultAsync(cancellationToken), cancellationToken);

    protected override NationCapacity NewRecord() => new();

    /// <summary>Capacities come with the reference data, one per nation: a form is only ever applied to a stored row.</summary>
    protected override Task<FormCheck<NationCapacity>> CheckAsync(PortalDbContext db, int? id, NationCapacityForm form, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            return CheckAsync(db, form, cancellationToken);
        }

        var errors = new FieldErrors();
        errors.Add(SaveOutcome.RecordField, "Capacities come with the reference data, one per nation; change a nation's row instead.");
        return Task.FromResult(FormCheck.Invalid<NationCapacity>(null, errors));
    }

    protected override Task<FormCheck<NationCapacity>> CheckAsync(PortalDbContext db, NationCapacityForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Task.FromResult(FormCheck.Of<NationCapacity>(ReferenceDataRules.CheckCapacity(form), capacity =>
        {
            capacity.Personnel = form.Personnel;
            capacity.Ships = form.Ships;
            capacity.Aircraft = form.Aircraft;
            capacity.IsAssumption = form.IsAssumption;
            capacity.Source = FormRules.OrNull(form.Source);
            capacity.Note = FormRules.OrNull(form.Note);
        }));
    }

    protected override Task<NationCapacityForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.NationCapacities.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new NationCapacityForm
            {
                Personnel = c.Personnel,
                Ships = c.Ships,
                Aircraft = c.Aircraft,
                Source = c.Source,
                IsAssumption = c.IsAssumption,
                Note = c.Note,
                Version = c.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
}
