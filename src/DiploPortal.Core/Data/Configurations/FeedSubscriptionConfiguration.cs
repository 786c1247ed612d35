using DiploPortal.Core.Feeds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class FeedSubscriptionConfiguration : IEntityTypeConfiguration<FeedSubscription>
{
    public void Configure(EntityTypeBuilder<FeedSubscription> builder)
    {
        builder.ToTable("feed_subscriptions", t =>
        {
            t.HasCheckConstraint("ck_feed_subscriptions_hash", "token_hash ~ '^[0-9a-f]{64}$'");
            t.HasCheckConstraint("ck_feed_subscriptions_name", "length(btrim(name)) > 0");
            t.HasCheckConstraint("ck_feed_subscriptions_scope", "length(btrim(scope)) > 0");
            t.HasCheckConstraint("ck_feed_subscriptions_revoked", "revoked_at IS NULL OR revoked_at >= created_at");
        });
        builder.Property(f => f.Name).HasMaxLength(FeedSubscription.MaxNameLength);
        builder.Property(f => f.Scope).HasMaxLength(FeedSubscription.MaxScopeLength);
        builder.Property(f => f.Prefix).HasMaxLength(16);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        // Every poll looks its subscription up by hash.
        builder.HasIndex(f => f.TokenHash).IsUnique().HasDatabaseName("ix_feed_subscriptions_token_hash");
        builder.HasIndex(f => f.UserId).HasDatabaseName("ix_feed_subscriptions_user_id");
        builder.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_feed_subscriptions_users_user_id");
    }
}
