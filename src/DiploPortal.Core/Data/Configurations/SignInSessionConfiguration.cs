using DiploPortal.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("sign_in_sessions", t =>
        {
            t.HasCheckConstraint("ck_sign_in_sessions_expiry", "expires_at > created_at");
            t.HasCheckConstraint("ck_sign_in_sessions_ended", "(ended_at IS NULL) = (end_reason IS NULL)");
        });
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserAgent).HasMaxLength(SignInSession.UserAgentMaxLength);
        builder.Property(s => s.ClientAddress).HasMaxLength(SignInSession.ClientAddressMaxLength);
        builder.Property(s => s.EndReason).HasMaxLength(SignInSession.EndReasonMaxLength);
        // The account page lists an account's sessions; ending all of them (a password reset) finds them by user.
        builder.HasIndex(s => new { s.UserId, s.CreatedAt });
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
