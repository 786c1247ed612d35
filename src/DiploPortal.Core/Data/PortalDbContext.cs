using DiploPortal.Core.Alliances;
using DiploPortal.Core.Assessments;
using DiploPortal.Core.Attaches;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Exercises.Deconfliction;
using DiploPortal.Core.Missions;
using DiploPortal.Core.Nations;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Data;

/// <summary>
/// The portal's database. Add a migration after a model change with
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/DiploPortal.Core --output-dir Data/Migrations</c>;
/// a test fails when the model has changes no migration captures.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityUserContext<PortalUser, int>(options), IDataProtectionKeyContext
{
    private readonly AuditChainKey? _chainKey = options.FindExtension<AuditChainKeyExtension>()?.Key;
    private CurrentUser _user = CurrentUser.System;
    private List<Classification> _visibleLevels = Visibility.LevelsUpTo(CurrentUser.System.Clearance);

    /// <summary>
    /// The user whose clearance and nationality filter every classified record this context reads
    /// (a global query filter, so no query can forget it). Set by <see cref="UserScopedDbContextFactory"/>.
    /// </summary>
    public CurrentUser User
    {
        get => _user;
        set
        {
            _user = value;
            _visibleLevels = Visibility.LevelsUpTo(value.Clearance);
        }
    }

    /// <summary>The key of the audit chain (from configuration, never the database); null: audit entries cannot be written.</summary>
    internal AuditChainKey ChainKey => _chainKey
        ?? throw new AuditChainKeyException($"No audit chain key is configured ({AuditChainKey.ConfigurationKey}): audit entries cannot be written or verified.");

    // Read by the query filters: EF Core reads these members of the context running each query.
    private bool SeesEverything => _user.IsSystem;

    private List<Classification> VisibleLevels => _visibleLevels;

    private string UserNation => _user.NationCode ?? "";

    private List<string> UserAlliances => [.. _user.AllianceAcronyms];

    /// <summary>Data Protection keys, shared by every portal instance so that cookies work on all of them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Nation> Nations => Set<Nation>();

    public DbSet<Alliance> Alliances => Set<Alliance>();

    public DbSet<AllianceMembership> AllianceMemberships => Set<AllianceMembership>();

    public DbSet<MilitaryAttache> Attaches => Set<MilitaryAttache>();

    public DbSet<AttacheReport> AttacheReports => Set<AttacheReport>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<EngagementParticipant> EngagementParticipants => Set<EngagementParticipant>();

    public DbSet<EngagementAttache> EngagementAttaches => Set<EngagementAttache>();

    public DbSet<EngagementFollowUp> EngagementFollowUps => Set<EngagementFollowUp>();

    public DbSet<EngagementImportBatch> EngagementImports => Set<EngagementImportBatch>();

    public DbSet<JointExercise> Exercises => Set<JointExercise>();

    public DbSet<ExerciseParticipant> ExerciseParticipants => Set<ExerciseParticipant>();

    public DbSet<ExerciseMilestone> ExerciseMilestones => Set<ExerciseMilestone>();

    public DbSet<ExerciseObservation> ExerciseObservations => Set<ExerciseObservation>();

    public DbSet<ExerciseLiaison> ExerciseLiaisons => Set<ExerciseLiaison>();

    public DbSet<TrainingArea> TrainingAreas => Set<TrainingArea>();

    public DbSet<NationCapacity> NationCapacities => Set<NationCapacity>();

    public DbSet<ExerciseConflictOverride> ExerciseConflictOverrides => Set<ExerciseConflictOverride>();

    public DbSet<HumanitarianMission> Missions => Set<HumanitarianMission>();

    public DbSet<MissionContribution> MissionContributions => Set<MissionContribution>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<IndicatorScore> IndicatorScores => Set<IndicatorScore>();

    /// <summary>Bearer tokens for the API, stored as hashes.</summary>
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    /// <summary>Sign-ins through the sign-in page, checked on every request and circuit (written with SQL, not tracked saves).</summary>
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    /// <summary>Read-only through EF Core: entries are appended by the save below and by <see cref="AuditTrail"/>.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and in exports, and a check constraint
        // (see ModelConventions) keeps unknown names out.
        foreach (var enumType in ModelConventions.EnumTypes)
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's own model first, so the configurations in this assembly can rename its tables.
        base.OnModelCreating(builder);
        // Passkeys are not offered: sign-in is by password (and tokens for scripts).
        builder.Ignore<IdentityUserPasskey<int>>();
        builder.Ignore<IdentityPasskeyData>();
        builder.HasPostgresExtension("btree_gist");
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        ModelConventions.Apply(builder);
        ApplyVisibilityFilters(builder);
    }

    /// <summary>Every classified record type gets the same filter; a test fails for a type without it.</summary>
    private void ApplyVisibilityFilters(ModelBuilder modelBuilder)
    {
        var apply = typeof(PortalDbContext).GetMethod(nameof(ApplyVisibilityFilter), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ClassifiedRecord).IsAssignableFrom(t.ClrType)).ToList())
        {
            apply.MakeGenericMethod(entityType.ClrType).Invoke(this, [modelBuilder]);
        }
    }

    private void ApplyVisibilityFilter<T>(ModelBuilder modelBuilder)
        where T : ClassifiedRecord =>
        modelBuilder.Entity<T>().HasQueryFilter(Visibility.FilterName, r =>
            SeesEverything
            || (VisibleLevels.Contains(r.Classification)
                && ((r.ReleasableToNations.Count == 0 && r.ReleasableToAlliances.Count == 0)
                    || r.ReleasableToNations.Contains(UserNation)
                    || r.ReleasableToAlliances.Any(a => UserAlliances.Contains(a)))));

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTimes();
        // Completes synchronously: with async false no awaited call yields.
        return SaveAndAuditAsync(acceptAllChangesOnSuccess, async: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Set by the engagement import while it saves its updates: each <c>Updated</c> entry then names the import.</summary>
    internal int? AuditImportId { get; set; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTimes();
        return SaveAndAuditAsync(acceptAllChangesOnSuccess, async: true, cancellationToken);
    }

    /// <summary>
    /// Every change saved through the context lands in the audit trail in the same transaction (one is
    /// begun when none is active), so a change and its audit entry commit or fail together. Changes are
    /// accepted only after the audit entries are written, so a failure leaves the context as it was.
    /// </summary>
    private async Task<int> SaveAndAuditAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken)
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        RefuseRecordsAboveClearance();
        var changes = AuditedChange.Collect(ChangeTracker, AuditImportId);
        if (changes.Count == 0)
        {
            return async
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var ownTransaction = Database.CurrentTransaction is not null ? null
            : async ? await Database.BeginTransactionAsync(cancellationToken) : Database.BeginTransaction();
        try
        {
            await AuditChain.LockAsync(this, async, cancellationToken);
            var saved = async
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken)
                : base.SaveChanges(acceptAllChangesOnSuccess: false);
            await AuditChain.AppendAsync(this, User.Name, changes.ConvertAll(c => c.Complete()), async, cancellationToken);
            if (ownTransaction is not null)
            {
                if (async)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }
                else
                {
                    ownTransaction.Commit();
                }
            }

            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            // An administrator's change to nations or alliances is seen by the next list, not a minute later.
            if (changes.Exists(c => c.IsReferenceData))
            {
                ReferenceData.ReferenceDataCache.Invalidate();
            }

            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                if (async)
                {
                    await ownTransaction.DisposeAsync();
                }
                else
                {
                    ownTransaction.Dispose();
                }
            }
        }
    }

    /// <summary>
    /// Nobody creates or raises a record above their own clearance: the one place every save passes,
    /// so no page or import can forget it. The system user (tools, demo data) is cleared to everything.
    /// </summary>
    private void RefuseRecordsAboveClearance()
    {
        if (_user.IsSystem)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries<ClassifiedRecord>())
        {
            if (entry.State is (EntityState.Added or EntityState.Modified) && entry.Entity.Classification > _user.Clearance)
            {
                throw new ClearanceViolationException(_user.Name, _user.Clearance, entry.Entity.Classification, entry.Metadata.ShortName());
            }
        }
    }

    private void StampTimes()
    {
        var now = DateTime.UtcNow;
        foreach (var entry in ChangeTracker.Entries<ClassifiedRecord>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.UpdatedAt = now;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
            }
        }
    }
}
