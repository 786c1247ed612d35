using DiploPortal.Core.Nations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiploPortal.Core.Data.Configurations;

internal sealed class NationConfiguration : IEntityTypeConfiguration<Nation>
{
    public void Configure(EntityTypeBuilder<Nation> builder)
    {
        builder.Property(n => n.Code).HasMaxLength(4);
        builder.Property(n => n.Iso2).HasMaxLength(2).IsFixedLength();
        builder.Property(n => n.Iso3).HasMaxLength(3).IsFixedLength();
        builder.Property(n => n.NumericCode).HasMaxLength(3).IsFixedLength();
        builder.Property(n => n.Name).HasMaxLength(100);
        builder.Property(n => n.OfficialName).HasMaxLength(200);
        builder.Property(n => n.Region).HasMaxLength(40);
        builder.Property(n => n.SubRegion).HasMaxLength(60);
        builder.Property(n => n.Capital).HasMaxLength(100);
        builder.Property(n => n.Source).HasMaxLength(500);
        builder.Property(n => n.Successors).HasColumnType("text[]");
        builder.Ignore(n => n.IsHistorical);

        builder.HasIndex(n => n.Code).IsUnique();
        // Former states reuse alpha-2 codes (CS was Czechoslovakia, then Serbia and Montenegro),
        // so ISO codes are unique among current states only.
        builder.HasIndex(n => n.Iso2).IsUnique().HasFilter("existed_until IS NULL");
        builder.HasIndex(n => n.Iso3).IsUnique().HasFilter("existed_until IS NULL");
        builder.HasIndex(n => n.Name);

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_nations_code", "code ~ '^[A-Z]{3,4}$'");
            t.HasCheckConstraint("ck_nations_iso2", "iso2 ~ '^[A-Z]{2}$'");
            t.HasCheckConstraint("ck_nations_iso3", "iso3 ~ '^[A-Z]{3}$'");
            t.HasCheckConstraint("ck_nations_existed", "existed_until IS NULL OR existed_from IS NULL OR existed_until >= existed_from");
            t.HasCheckConstraint("ck_nations_name", "btrim(name) <> ''");
        });
    }
}
