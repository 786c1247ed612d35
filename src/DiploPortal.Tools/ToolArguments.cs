using System.Globalization;
using DiploPortal.Core.Engagements;

namespace DiploPortal.Tools;

public enum ToolCommand
{
    Help,
    Migrate,
    SeedReference,
    SeedDemo,
    Setup,
    RekeyAudit,
    Import,
    ImportMme,
}

/// <summary>A parsed command line; <see cref="Error"/> is set when it could not be understood.</summary>
public sealed record ToolArguments(
    ToolCommand Command,
    string? Connection = null,
    int? Engagements = null,
    int? Seed = null,
    DateOnly? Anchor = null,
    bool Force = false,
    string? File = null,
    string? As = null,
    DuplicateRows Duplicates = DuplicateRows.Skip,
    string? Error = null)
{
    public const string Usage =
        """
        Usage: diploportal-tools <command> [options]

        Commands:
          migrate          Apply pending database migrations (creates the database if needed).
          seed-reference   Load nations, alliances and memberships (idempotent).
          seed-demo        Generate demo records, unless demo data already exist.
              --engagements N     engagements to make (default 5000); other records scale with it
              --seed S            seed of the generator (default 20261125): same seed, same records
              --anchor yyyy-MM-dd the generator's "today" (default: today, UTC)
              --force             generate even when demo data already exist (adds more)
          setup            migrate, seed-reference and seed-demo with their defaults.
          rekey-audit      Once, after upgrading to the keyed audit chain: re-hash a trail written
                           before it with Portal__Audit__ChainKey (refused unless the whole trail is
                           an intact unkeyed chain); prints the old and new head.
          import           Import an engagement CSV file (the export's format) as the import page does:
                           every row checked first, then all rows in one transaction, one audit entry.
              --file PATH         the CSV file
              --as USER           the staff account the import is made and audited as (its
                                  clearance and nationality bound the markings it may give)
              --duplicates skip|refuse|update  rows already in the portal (the same id, or the
                                  same day, title and nations, among what USER may see): left out
                                  (skip, the default), the whole file refused (refuse), or those
                                  whose details differ updated as an edit by hand would (update;
                                  a row that would lower a marking is refused)
          import-mme       Import the Multinational Military Exercises data set (1980-2010) shipped
                           with the portal as completed exercises: all or nothing, rows already
                           imported left as they are (idempotent); prints the report, row by row.
          help             Show this text.

        Options:
          --connection "Host=...;Database=..."   PostgreSQL connection string of the owner role
                                                 (default: ConnectionStrings__PortalOwner, else
                                                 ConnectionStrings__Portal)

        Environment:
          Portal__Audit__ChainKey     the audit chain key (base64, 32 bytes): needed by every
                                      command that writes the trail (seed-reference, setup, rekey-audit)
          ConnectionStrings__Portal   when ConnectionStrings__PortalOwner is the connection, the
                                      user of this one (the portal's role) is granted its rights
                                      after migrate and setup

        Exit codes: 0 success, 1 failure, 2 usage error.
        """;

    public static ToolArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return new ToolArguments(ToolCommand.Help, Error: "No command given.");
        }

        var command = args[0] switch
        {
            "migrate" => ToolCommand.Migrate,
            "seed-reference" => ToolCommand.SeedReference,
            "seed-demo" => ToolCommand.SeedDemo,
            "setup" => ToolCommand.Setup,
            "rekey-audit" => ToolCommand.RekeyAudit,
            "import" => ToolCommand.Import,
            "import-mme" => ToolCommand.ImportMme,
            "help" or "--help" or "-h" => ToolCommand.Help,
            _ => (ToolCommand?)null,
        };
        if (command is not { } parsed)
        {
            return new ToolArguments(ToolCommand.Help, Error: $"Unknown command '{args[0]}'.");
        }

        var result = new ToolArguments(parsed);
        for (var i = 1; i < args.Count; i++)
        {
            var option = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            result = option switch
            {
                "--connection" => Value() is { Length: > 0 } connection
                    ? result with { Connection = connection }
                    : result with { Error = "--connection needs a connection string." },
                "--engagements" when parsed == ToolCommand.SeedDemo => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                    ? result with { Engagements = count }
                    : result with { Error = "--engagements needs a whole number of 0 or more." },
                "--seed" when parsed == ToolCommand.SeedDemo => int.TryParse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
                    ? result with { Seed = seed }
                    : result with { Error = "--seed needs a whole number." },
                "--anchor" when parsed == ToolCommand.SeedDemo =>
                    DateOnly.TryParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var anchor)
                        ? result with { Anchor = anchor }
                        : result with { Error = "--anchor needs a date as yyyy-MM-dd." },
                "--force" when parsed == ToolCommand.SeedDemo => result with { Force = true },
                "--file" when parsed == ToolCommand.Import => Value() is { Length: > 0 } file
                    ? result with { File = file }
                    : result with { Error = "--file needs the path of a CSV file." },
                "--as" when parsed == ToolCommand.Import => Value() is { Length: > 0 } user
                    ? result with { As = user }
                    : result with { Error = "--as needs a user name." },
                "--duplicates" when parsed == ToolCommand.Import => Value() switch
                {
                    "skip" => result with { Duplicates = DuplicateRows.Skip },
                    "refuse" => result with { Duplicates = DuplicateRows.Refuse },
                    "update" => result with { Duplicates = DuplicateRows.Update },
                    _ => result with { Error = "--duplicates needs skip, refuse or update." },
                },
                _ => result with { Error = $"Unknown option '{option}' for {args[0]}." },
            };
            if (result.Error is not null)
            {
                return result;
            }
        }

        if (parsed == ToolCommand.Import && (result.File is null || result.As is null))
        {
            return result with { Error = "import needs --file PATH and --as USER." };
        }

        return result;
    }
}
