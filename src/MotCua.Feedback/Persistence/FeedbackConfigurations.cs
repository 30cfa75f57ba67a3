using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Dossiers.Domain;
using MotCua.Feedback.Domain;

namespace MotCua.Feedback.Persistence;

internal sealed class RatingInvitationConfiguration : IEntityTypeConfiguration<RatingInvitation>
{
    public void Configure(EntityTypeBuilder<RatingInvitation> builder)
    {
        builder.ToTable("RatingInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Token).HasMaxLength(16);
        builder.HasIndex(i => i.Token).IsUnique();
        builder.HasIndex(i => i.DossierId).IsUnique();
        builder.HasOne<Dossier>().WithMany().HasForeignKey(i => i.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SatisfactionRatingConfiguration : IEntityTypeConfiguration<SatisfactionRating>
{
    public void Configure(EntityTypeBuilder<SatisfactionRating> builder)
    {
        builder.ToTable("SatisfactionRatings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.DossierCode).HasMaxLength(40);
        builder.Property(r => r.ProcedureCode).HasMaxLength(40);
        builder.Property(r => r.Level).HasConversion<int>();
        builder.Property(r => r.Comment).HasMaxLength(2000);

        // One rating per dossier, whoever sends it and however often.
        builder.HasIndex(r => r.DossierId).IsUnique();
        builder.HasIndex(r => new { r.CompetentAgencyId, r.RatedAt });
        builder.HasIndex(r => new { r.ReceivingAgencyId, r.RatedAt });
        builder.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Officers).WithOne().HasForeignKey(o => o.RatingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Officers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RatedOfficerConfiguration : IEntityTypeConfiguration<RatedOfficer>
{
    public void Configure(EntityTypeBuilder<RatedOfficer> builder)
    {
        builder.ToTable("RatedOfficers");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => new { o.UserId, o.RatingId }).IsUnique();
    }
}

internal sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> builder)
    {
        builder.ToTable("Petitions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(16);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Content).HasMaxLength(4000);
        builder.Property(p => p.SenderName).HasMaxLength(200);
        builder.Property(p => p.Contact).HasMaxLength(200);
        builder.Property(p => p.AttachmentKey).HasMaxLength(200);
        builder.Property(p => p.AttachmentName).HasMaxLength(200);
        builder.Property(p => p.Answer).HasMaxLength(4000);
        builder.Property(p => p.AnsweredBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.AgencyId, p.Status, p.DueAt });
        builder.HasIndex(p => new { p.Published, p.AnsweredAt });
        builder.HasOne<Organization.Domain.Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KioskDeviceConfiguration : IEntityTypeConfiguration<KioskDevice>
{
    public void Configure(EntityTypeBuilder<KioskDevice> builder)
    {
        builder.ToTable("KioskDevices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.KeyHash).HasMaxLength(64);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.HasOne<Organization.Domain.Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KioskRatingConfiguration : IEntityTypeConfiguration<KioskRating>
{
    public void Configure(EntityTypeBuilder<KioskRating> builder)
    {
        builder.ToTable("KioskRatings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Level).HasConversion<int>();
        builder.Property(r => r.Reason).HasMaxLength(300);

        // A tablet's replay of the same rating is taken once.
        builder.HasIndex(r => r.ClientId).IsUnique();
        builder.HasIndex(r => new { r.DeviceId, r.RatedAt });
        builder.HasIndex(r => new { r.AgencyId, r.RatedAt });
        builder.HasOne<KioskDevice>().WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}
