using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DiploPortal.Core.Audit;

/// <summary>
/// Carries the chain key in the context options, so that every context built by
/// <see cref="Data.PortalDatabase.Configure"/> (pooled, per test, per tool) writes and verifies with it.
/// </summary>
internal sealed class AuditChainKeyExtension(AuditChainKey key) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public AuditChainKey Key { get; } = key;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        // Nothing to add: the context reads the key from its options.
    }

    public void Validate(IDbContextOptions options)
    {
        // Any key is valid here; AuditChainKey checked it when it was read.
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        // Never the key itself: EF Core logs this fragment.
        public override string LogFragment => "AuditChainKey ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            // The key is a secret; nothing about it goes into debug information.
        }
    }
}
