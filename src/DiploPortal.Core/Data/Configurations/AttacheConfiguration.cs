using DiploPortal.Core.Attaches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class AttacheConfiguration : IEntityTypeConfiguration<MilitaryAttache>
{
    public void Configure(EntityTypeBuilder<MilitaryAttache> builder)
    {
        builder.ToTable("attaches", t =>
        {
            t.HasCheckConstraint("ck_attaches_posting", "posted_until IS NULL OR posted_until >= posted_from");
            t.HasCheckConstraint("ck_attaches_nations", "sending_nation_id <> host_nation_id");
            t.HasCheckConstraint("ck_attaches_full_name", "btrim(full_name) <> ''");
        });
        builder.ConfigureMarking();
        builder.Property(a => a.FullName).HasMaxLength(120);
        builder.Property(a => a.Rank).HasMaxLength(60);
        builder.HasSearchVector(("full_name", 'A'), ("rank", 'B'));

        builder.HasOne(a => a.SendingNation).WithMany().HasForeignKey(a => a.SendingNationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.HostNation).WithMany().HasForeignKey(a => a.HostNationId).OnDelete(DeleteBehavior.Restrict);
        // Deleting an attaché never takes their reports with them, not even those the deleting user may not see.
        builder.HasMany(a => a.Reports).WithOne(r => r.Attache).HasForeignKey(r => r.AttacheId).OnDelete(DeleteBehavior.Restrict);
        // A nation page reads the attachés a nation sent and received by posting date (NationStoryQueries).
        builder.HasIndex(a => new { a.SendingNationId, a.PostedFrom, a.Id });
        builder.HasIndex(a => new { a.HostNationId, a.PostedFrom, a.Id });
        // Lists page by keyset on (posted_from, id) and (full_name, id) (AttacheQueries).
        builder.HasIndex(a => new { a.PostedFrom, a.Id }).IsDescending(true, true);
        builder.HasIndex(a => new { a.FullName, a.Id });
    }
}

internal sealed class AttacheReportConfiguration : IEntityTypeConfiguration<AttacheReport>
{
    public void Configure(EntityTypeBuilder<AttacheReport> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_attache_reports_title", "btrim(title) <> ''"));
        builder.ConfigureMarking();
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.HasSearchVector(("title", 'A'), ("body", 'C'));
        builder.HasIndex(r => new { r.AttacheId, r.FiledOn });
        // Search ranks the newest matching reports first and walks this index to stop early.
        builder.HasIndex(r => new { r.FiledOn, r.Id });
        builder.HasIndex(r => new { r.Title, r.Id });
    }
}
