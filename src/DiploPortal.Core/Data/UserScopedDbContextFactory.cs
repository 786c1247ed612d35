using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DiploPortal.Core.Data;

/// <summary>
/// Hands out pooled contexts bound to the user of the current scope, so that every query a feature
/// service runs is filtered by that user's clearance and nationality.
/// </summary>
public sealed class UserScopedDbContextFactory(PooledDbContextFactory<PortalDbContext> pool, ICurrentUserAccessor user) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext()
    {
        var context = pool.CreateDbContext();
        context.User = user.Current;
        return context;
    }
}
