using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Documents.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Persistence;

internal sealed class DocumentRegisterConfiguration : IEntityTypeConfiguration<DocumentRegister>
{
    public void Configure(EntityTypeBuilder<DocumentRegister> builder)
    {
        builder.ToTable("DocumentRegisters");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Direction).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.AgencyId, r.Year, r.Direction }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfficialDocumentConfiguration : IEntityTypeConfiguration<OfficialDocument>
{
    public void Configure(EntityTypeBuilder<OfficialDocument> builder)
    {
        builder.ToTable("OfficialDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Direction).HasConversion<string>().HasMaxLength(16);
        // Two clerks issuing the same draft at once: the second update finds it no longer a draft and fails.
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(d => d.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Confidentiality).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.TypeCode).HasMaxLength(8);
        builder.Property(d => d.Notation).HasMaxLength(100);
        builder.Property(d => d.Subject).HasMaxLength(1000);
        builder.Property(d => d.SubjectFolded).HasMaxLength(1000);
        builder.Property(d => d.Correspondent).HasMaxLength(1000);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.RegisteredBy).HasMaxLength(256);
        builder.Property(d => d.FileKey).HasMaxLength(200);
        builder.Property(d => d.FileName).HasMaxLength(260);
        builder.Property(d => d.FileSha256).HasMaxLength(64);
        builder.Property(d => d.VerificationCode).HasMaxLength(16);
        builder.Property(d => d.SignedBy).HasMaxLength(256);
        builder.Property(d => d.DossierCode).HasMaxLength(40);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.HasIndex(d => d.DossierId);
        builder.HasIndex(d => new { d.AgencyId, d.Direction, d.Year, d.Number }).IsUnique();
        builder.HasIndex(d => new { d.AgencyId, d.Direction, d.RegisteredAt });
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
