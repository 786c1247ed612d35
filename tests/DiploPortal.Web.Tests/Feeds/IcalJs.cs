using System.Diagnostics;
using System.Text.Json;

namespace DiploPortal.Web.Tests.Feeds;

/// <summary>
/// An independent reading of the portal's calendar files: ical.js 2.2.1 from npm (tests/ical-check), run by
/// node. The package is installed once per test run with <c>npm ci</c> from its lock file (from the npm cache
/// when it holds it), so a fresh clone needs nothing but node and npm.
/// </summary>
public static class IcalJs
{
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static bool _installed;

    public static string Folder { get; } = FindFolder();

    /// <summary>What ical.js reads in <paramref name="ics"/>; fails the test when it cannot parse it.</summary>
    public static async Task<ParsedCalendar> ParseAsync(string ics)
    {
        await EnsureInstalledAsync();
        var (exitCode, output, error) = await RunAsync("node", ["parse.mjs"], ics);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"ical.js could not parse the calendar: {error}\n{ics}");
        }

        return JsonSerializer.Deserialize<ParsedCalendar>(output, Json)!;
    }

    private static async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (_installed || File.Exists(Path.Combine(Folder, "node_modules", "ical.js", "package.json")))
            {
                _installed = true;
                return;
            }

            var (exitCode, output, error) = await RunAsync("npm", ["ci", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"], null);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {Folder} failed ({exitCode}): {output} {error}");
            }

            _installed = true;
        }
        finally
        {
            Installing.Release();
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "ical-check");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/ical-check was not found above the test's folder.");
    }
}

public sealed record ParsedTime(string Value, bool IsDate, string? Zone, bool Utc);

public sealed record ParsedEvent(string Uid, string? Summary, string? Description, string? Location, string? Url, string? Status, ParsedTime Start, ParsedTime End, ParsedTime? Dtstamp, ParsedTime? LastModified);

public sealed record ParsedCalendar(string? Name, string? Description, string Version, int Timezones, IReadOnlyList<ParsedEvent> Events);
