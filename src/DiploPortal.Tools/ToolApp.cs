using System.Globalization;
using DiploPortal.Core;
using DiploPortal.Core.Audit;
using DiploPortal.Core.Data;
using DiploPortal.Core.DemoData;
using DiploPortal.Core.Exercises.History;
using DiploPortal.Core.Setup;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DiploPortal.Tools;

/// <summary>Runs one command against the database named by the connection string and maps failures to one-line errors.</summary>
public static class ToolApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var arguments = ToolArguments.Parse(args);
        if (arguments.Error is not null)
        {
            await error.WriteLineAsync(arguments.Error);
            await error.WriteLineAsync();
            await error.WriteLineAsync(ToolArguments.Usage);
            return UsageError;
        }

        if (arguments.Command == ToolCommand.Help)
        {
            await output.WriteLineAsync(ToolArguments.Usage);
            return Success;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            // Not the current directory: running from another project's folder must not pick up its appsettings.json.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The tools do the owner's work (migrations, reference and demo data): the owner's connection first.
        var portalConnection = builder.Configuration.GetConnectionString("Portal");
        var ownerConnection = builder.Configuration.GetConnectionString("PortalOwner");
        var connectionString = arguments.Connection ?? (string.IsNullOrWhiteSpace(ownerConnection) ? portalConnection : ownerConnection);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("No connection string: set ConnectionStrings__PortalOwner (or ConnectionStrings__Portal) or pass --connection \"Host=...;Database=...\".");
            return UsageError;
        }

        AuditChainKey? chainKey;
        try
        {
            chainKey = AuditChainKey.FromSetting(builder.Configuration[AuditChainKey.ConfigurationKey], allowDevelopmentKey: builder.Environment.IsDevelopment());
        }
        catch (AuditChainKeyException ex)
        {
            await error.WriteLineAsync($"{ex.Message} Hint: {AuditChainKeyException.Hint}");
            return UsageError;
        }

        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"Invalid connection string: {ex.Message}");
            return UsageError;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        // EF Core logs every command at Information, and a failed connection or command at Error
        // (even the probe for a database that migrate is about to create); the one-line error says it better.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database", LogLevel.None);
        builder.Services.AddPortalCore(connectionString, chainKey);
        var grantTo = GrantTarget(target, portalConnection);

        using var cancellation = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            cancellation.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        string? summary;
        try
        {
            using (var host = builder.Build())
            {
                summary = await RunCommandAsync(host.Services, arguments, grantTo, cancellation.Token);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync(DatabaseErrors.Describe(ex, target));
            return Failure;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }

        if (summary is not null)
        {
            await output.WriteLineAsync(summary);
        }

        return Success;
    }

    /// <summary>The portal's role, when the tool runs as another one (the owner): it is granted its rights after migrating.</summary>
    private static string? GrantTarget(NpgsqlConnectionStringBuilder target, string? portalConnection)
    {
        if (string.IsNullOrWhiteSpace(portalConnection))
        {
            return null;
        }

        var portalRole = new NpgsqlConnectionStringBuilder(portalConnection).Username;
        return string.IsNullOrEmpty(portalRole) || string.Equals(portalRole, target.Username, StringComparison.Ordinal) ? null : portalRole;
    }

    private static async Task<string?> RunCommandAsync(IServiceProvider services, ToolArguments arguments, string? grantTo, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<PortalSetup>();
        switch (arguments.Command)
        {
            case ToolCommand.Migrate:
                await setup.RunAsync(new PortalSetupOptions { ApplyMigrations = true, GrantToRole = grantTo }, cancellationToken);
                return null;
            case ToolCommand.SeedReference:
                await setup.RunAsync(new PortalSetupOptions { LoadReferenceData = true }, cancellationToken);
                return null;
            case ToolCommand.Setup:
                await setup.RunAsync(new PortalSetupOptions { ApplyMigrations = true, LoadReferenceData = true, DemoData = true, GrantToRole = grantTo }, cancellationToken);
                return null;
            case ToolCommand.RekeyAudit:
                var rekeyed = await scope.ServiceProvider.GetRequiredService<AuditChainRekeying>().RekeyAsync(cancellationToken);
                return rekeyed.Entries == 0
                    ? "The audit trail is empty: nothing to re-key."
                    : string.Create(CultureInfo.InvariantCulture, $"Re-keyed {rekeyed.Entries:N0} audit entries. Old head (plain SHA-256): {rekeyed.OldHead}. New head: {rekeyed.NewHead}.");
            case ToolCommand.Import:
                return await ImportCommand.RunAsync(
                    services.GetRequiredService<PooledDbContextFactory<PortalDbContext>>(), services.GetRequiredService<TimeProvider>(), arguments.File!, arguments.As!, arguments.Duplicates, cancellationToken);
            case ToolCommand.ImportMme:
                var report = await scope.ServiceProvider.GetRequiredService<MmeImport>().ImportShippedAsync(cancellationToken);
                // InvalidDataException is printed as it is by DatabaseErrors and ends the tool with exit code 1.
                return report.Succeeded ? report.Describe().TrimEnd() : throw new InvalidDataException(report.Describe(maxLines: 50).TrimEnd());
            default:
                var defaults = new DemoDataOptions();
                var options = new DemoDataOptions
                {
                    Engagements = arguments.Engagements ?? defaults.Engagements,
                    Seed = arguments.Seed ?? defaults.Seed,
                    Anchor = arguments.Anchor,
                    SkipIfDemoDataExist = !arguments.Force,
                };
                var result = await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().GenerateAsync(options, cancellationToken);
                return Describe(result);
        }
    }

    private static string Describe(DemoDataResult result)
    {
        if (result.Skipped)
        {
            return "Demo data already exist; nothing generated (pass --force to add more).";
        }

        var seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            Generated {result.Engagements:N0} engagements ({result.EngagementParticipants:N0} participants, {result.EngagementAttaches:N0} attaché links, {result.EngagementFollowUps:N0} follow-ups), {result.Attaches:N0} attachés with {result.AttacheReports:N0} reports, {result.Exercises:N0} exercises ({result.ExerciseParticipants:N0} participants, {result.ExerciseMilestones:N0} milestones, {result.ExerciseObservations:N0} observations, {result.ExerciseLiaisons:N0} liaisons), {result.Missions:N0} missions ({result.MissionContributions:N0} contributions), {result.Assessments:N0} assessments ({result.IndicatorScores:N0} scores).
            {result.TotalRows:N0} rows in {seconds:N1} s: {result.TotalRows / seconds:N0} rows/s, {result.Engagements / seconds:N0} engagements/s.
            """);
    }
}
