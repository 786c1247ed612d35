using System.Security.Claims;
using DiploPortal.Core.Alliances;
using DiploPortal.Core.Data;
using DiploPortal.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace DiploPortal.Web.Accounts;

/// <summary>
/// The signed-in user of the current scope, for Core's query filters. In an HTTP request it comes
/// from the request; in a Blazor circuit, where there is no request after the first render, it is
/// set by <see cref="UserCircuitHandler"/> from the circuit's authentication state; in a scope that
/// <see cref="AccountAdministration"/> opens for one change, it is the administrator who asked.
/// </summary>
public sealed class PortalUserState(IHttpContextAccessor http, PooledDbContextFactory<PortalDbContext> pool, IOptions<ReleasabilityOptions> options, TimeProvider clock) : ICurrentUserAccessor
{
    private ClaimsPrincipal? _principal;
    private CurrentUser? _current;
    private ClaimsPrincipal? _currentFor;
    private bool _system;
    private string? _database;

    public CurrentUser Current
    {
        get
        {
            if (_system)
            {
                return CurrentUser.System;
            }

            var principal = _principal ?? http.HttpContext?.User;
            // A circuit keeps its principal for hours: for the same principal only the alliances are read again
            // (from a short cache), and the user object is kept while they are the same list; the claims are
            // read once per principal, not on every query.
            if (_current is not null && ReferenceEquals(principal, _currentFor)
                && (_current.NationCode is not { } nation || ReferenceEquals(AlliancesOf(nation), _current.AllianceAcronyms)))
            {
                return _current;
            }

            _current = PortalClaims.ToCurrentUser(principal, AlliancesOf);
            _currentFor = principal;
            return _current;
        }
    }

    /// <summary>For the portal's own work in this scope (start-up setup): acts as the system user.</summary>
    public void ActAsSystem() => _system = true;

    /// <summary>The user of a scope that has no request of its own (a circuit's, or one opened for a change).</summary>
    internal void SetPrincipal(ClaimsPrincipal principal) => _principal = principal;

    /// <summary>The alliances whose releasability the nation's nationals share today (full members only; Core's rule).</summary>
    private IReadOnlyList<string> AlliancesOf(string nation)
    {
        if (_database is null)
        {
            using var db = pool.CreateDbContext();
            _database = db.Database.GetConnectionString() ?? "";
        }

        PortalDbContext? opened = null;
        try
        {
            return AllianceReleasability.AlliancesOf(_database, () => opened = pool.CreateDbContext(), nation, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), options.Value.Refresh);
        }
        finally
        {
            opened?.Dispose();
        }
    }
}

/// <summary>How long the alliances of a nation are kept before an open session reads them again (<c>Portal:Releasability</c>).</summary>
public sealed class ReleasabilityOptions
{
    public const string Section = "Portal:Releasability";

    /// <summary>A membership change saved on another portal instance reaches this one's sessions within this time.</summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Feeds <see cref="PortalUserState"/> with the circuit's user when a circuit opens and when it changes.</summary>
public sealed class UserCircuitHandler(AuthenticationStateProvider authentication, PortalUserState state) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        state.SetPrincipal((await authentication.GetAuthenticationStateAsync()).User);
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;

    private async void OnChanged(Task<AuthenticationState> task)
    {
        try
        {
            state.SetPrincipal((await task).User);
        }
        catch (InvalidOperationException)
        {
            // A failed authentication refresh keeps the previous principal; the cookie check on the next request decides.
        }
    }
}
