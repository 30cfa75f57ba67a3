using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Calendar;

namespace MotCua.Kernel.Persistence;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.Chain, e.Sequence }).IsUnique();
        builder.Property(e => e.Chain).HasDefaultValue(1);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.At);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(128);
        builder.Property(e => e.EntityId).HasMaxLength(256);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.ToTable("PersonalDataAccesses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.Subject).HasMaxLength(300);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.SubjectId);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHead");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasData(Enumerable.Range(1, AuditChain.Chains).Select(id => new AuditChainHead { Id = id, Sequence = 0, Hash = AuditChain.GenesisHash }));
    }
}

internal sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverride>
{
    public void Configure(EntityTypeBuilder<CalendarOverride> builder)
    {
        builder.ToTable("CalendarOverrides");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.Date).IsUnique();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Decision).HasMaxLength(200);
    }
}

internal sealed class InstallationProfileConfiguration : IEntityTypeConfiguration<Installation.InstallationProfile>
{
    public void Configure(EntityTypeBuilder<Installation.InstallationProfile> builder)
    {
        builder.ToTable("InstallationProfile");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Province).HasMaxLength(100);
        builder.Property(p => p.Hotline).HasMaxLength(30);
        builder.Property(p => p.SupportEmail).HasMaxLength(200);
        builder.Property(p => p.SupportAddress).HasMaxLength(300);
        builder.Property(p => p.OpeningHours).HasMaxLength(200);
        builder.Property(p => p.PrimaryColor).HasMaxLength(7);
        builder.Property(p => p.LogoKey).HasMaxLength(80);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
    }
}
