namespace DiploPortal.Core.Setup;

/// <summary>What the portal prepares in its database at start-up (configuration section <c>Portal:Setup</c>).</summary>
public sealed class PortalSetupOptions
{
    public const string Section = "Portal:Setup";

    /// <summary>Apply pending EF Core migrations.</summary>
    public bool ApplyMigrations { get; set; }

    /// <summary>
    /// The database role the portal runs as, when setup runs as the owner role: after migrating, it is
    /// granted what the portal needs and nothing more (<see cref="Data.PortalDatabaseRoles"/>). Set by the
    /// host from <c>ConnectionStrings:Portal</c> when <c>ConnectionStrings:PortalOwner</c> is given.
    /// </summary>
    public string? GrantToRole { get; set; }

    /// <summary>Load nations, alliances and memberships (idempotent).</summary>
    public bool LoadReferenceData { get; set; }

    /// <summary>
    /// Import the Multinational Military Exercises data set (1980–2010) shipped with the portal; rows already
    /// imported are left as they are, so every start after the first writes nothing (<see cref="Exercises.History.MmeImport"/>).
    /// </summary>
    public bool LoadMme { get; set; }

    /// <summary>Generate demo records when none exist yet.</summary>
    public bool DemoData { get; set; }

    /// <summary>Seed of the demo generator: the same seed gives the same records.</summary>
    public int DemoSeed { get; set; } = 20261125;

    /// <summary>How many engagements the demo generator makes; other records scale with it.</summary>
    public int DemoEngagements { get; set; } = 5000;
}
