using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Accounts;

/// <summary>How failed sign-ins are slowed down, from <c>Portal:SignInThrottle</c>.</summary>
public sealed class SignInThrottleSettings
{
    public const string Section = "Portal:SignInThrottle";

    /// <summary>Failures one client may make for one user name before it must pause.</summary>
    public int FailuresPerNameAndClient { get; set; } = 5;

    /// <summary>Failures one client may make for any user names before it must pause (password spraying).</summary>
    public int FailuresPerClient { get; set; } = 20;

    /// <summary>Failures older than this (counted from the last one) are forgotten.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first pause past a limit; each further failure doubles it.</summary>
    public TimeSpan FirstPause { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LongestPause { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Slows password guessing without locking anybody out. Failures are counted per client address and
/// user name, and per client address alone; past a limit that client must pause, for a time that
/// doubles with each further failure. Nothing is counted per account across clients, because a limit
/// there is a lock that any stranger can set on somebody else's account: the owner, from their own
/// address, signs in whatever others try. User names are counted whether or not an account has them,
/// so a pause tells nothing about which names exist. Counts live in this process's memory (a restart
/// forgets them; several instances each count their own); the per-address rate limit of the sign-in
/// POST and the token endpoint bounds the attempts in between.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleSettings> settings, TimeProvider clock)
{
    /// <summary>Past this many tracked keys, forgotten ones are swept out, so a flood of names cannot grow memory without end.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="client"/> must still wait before trying <paramref name="userName"/>; null when it may try now.</summary>
    public TimeSpan? PauseFor(string userName, string client)
    {
        var now = clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        var (byName, byClient) = Keys(userName, client);
        foreach (var key in new[] { byName, byClient })
        {
            if (_failures.TryGetValue(key, out var failures))
            {
                var left = failures.PausedUntil() - now;
                wait = left > wait ? left : wait;
            }
        }

        return wait > TimeSpan.Zero ? wait : null;
    }

    public void RecordFailure(string userName, string client)
    {
        var now = clock.GetUtcNow();
        var options = settings.Value;
        var (byName, byClient) = Keys(userName, client);
        _failures.GetOrAdd(byName, _ => new Failures()).Add(now, options, options.FailuresPerNameAndClient);
        _failures.GetOrAdd(byClient, _ => new Failures()).Add(now, options, options.FailuresPerClient);
        if (_failures.Count > SweepAbove)
        {
            foreach (var (key, failures) in _failures)
            {
                if (failures.IsForgotten(now, options.Window))
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>A success forgets this client's failures for this user name (not its failures for others).</summary>
    public void RecordSuccess(string userName, string client) => _failures.TryRemove(Keys(userName, client).ByName, out _);

    /// <summary>User names are hashed: a very long one costs no more memory than a short one, and none is kept in clear.</summary>
    private static (string ByName, string ByClient) Keys(string userName, string client)
    {
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userName.Trim().ToUpperInvariant())));
        return ($"name:{name}|{client}", $"client:{client}");
    }

    private sealed class Failures
    {
        private readonly Lock _lock = new();
        private int _count;
        private DateTimeOffset _last;
        private DateTimeOffset _pausedUntil;

        public void Add(DateTimeOffset now, SignInThrottleSettings options, int limit)
        {
            lock (_lock)
            {
                if (now - _last > options.Window)
                {
                    _count = 0;
                }

                _count++;
                _last = now;
                if (_count >= limit)
                {
                    var doublings = Math.Min(_count - limit, 20);
                    var pause = options.FirstPause * Math.Pow(2, doublings);
                    _pausedUntil = now + (pause < options.LongestPause ? pause : options.LongestPause);
                }
            }
        }

        public DateTimeOffset PausedUntil()
        {
            lock (_lock)
            {
                return _pausedUntil;
            }
        }

        public bool IsForgotten(DateTimeOffset now, TimeSpan window)
        {
            lock (_lock)
            {
                return now - _last > window && _pausedUntil <= now;
            }
        }
    }
}
