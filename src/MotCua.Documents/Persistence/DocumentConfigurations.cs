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
        builder.Property(d => d.ReviewedBy).HasMaxLength(256);
        builder.Property(d => d.ReviewedSha256).HasMaxLength(64);
        builder.Property(d => d.CopyKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LeaderName).HasMaxLength(256);
        builder.Property(d => d.HandlerName).HasMaxLength(300);
        builder.Property(d => d.Instruction).HasMaxLength(1000);
        builder.Property(d => d.Outcome).HasMaxLength(1000);
        builder.Property(d => d.SenderIdentifier).HasMaxLength(40);
        builder.Property(d => d.ExchangeId).HasMaxLength(Exchange.EdXmlLayout.MaxDocumentIdLength);
        builder.Property(d => d.Amendment).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.AmendmentReason).HasMaxLength(1000);
        builder.HasIndex(d => d.AmendsId);
        builder.HasIndex(d => d.HandlerId);
        builder.HasIndex(d => d.HandlerUnitId);
        builder.HasIndex(d => d.OriginalId);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.HasIndex(d => d.DossierId);
        builder.HasIndex(d => new { d.AgencyId, d.Direction, d.Year, d.Number }).IsUnique();
        builder.HasIndex(d => new { d.AgencyId, d.Direction, d.RegisteredAt });
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentExchangeConfiguration : IEntityTypeConfiguration<Exchange.DocumentExchange>
{
    public void Configure(EntityTypeBuilder<Exchange.DocumentExchange> builder)
    {
        builder.ToTable("DocumentExchanges");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Sender).HasMaxLength(40);
        builder.Property(e => e.Recipient).HasMaxLength(40);
        builder.Property(e => e.SenderName).HasMaxLength(300);
        builder.Property(e => e.RecipientName).HasMaxLength(300);
        builder.Property(e => e.Status).HasMaxLength(2);
        builder.Property(e => e.PackageId).HasMaxLength(Exchange.EdXmlLayout.MaxDocumentIdLength);
        builder.Property(e => e.Business).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Exchange.BusinessDocType.New).HasSentinel(Exchange.BusinessDocType.New);
        builder.Property(e => e.Fingerprint).HasMaxLength(64).HasDefaultValue("");
        builder.Property(e => e.PendingKey).HasMaxLength(200);
        builder.Property(e => e.PendingError).HasMaxLength(1000);
        builder.HasIndex(e => e.PendingKey);
        // A package arrives once per recipient, and a document goes once to each recipient (an update once per content).
        builder.HasIndex(e => new { e.PackageId, e.Recipient, e.Direction, e.Business, e.Fingerprint }).IsUnique();
        builder.HasIndex(e => e.DocumentId);
        builder.HasOne<OfficialDocument>().WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Statuses).WithOne().HasForeignKey(s => s.ExchangeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Statuses).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ExchangeStatusConfiguration : IEntityTypeConfiguration<Exchange.ExchangeStatusEntry>
{
    public void Configure(EntityTypeBuilder<Exchange.ExchangeStatusEntry> builder)
    {
        builder.ToTable("ExchangeStatuses");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(2);
        builder.Property(s => s.Description).HasMaxLength(1000);
        builder.Property(s => s.Staff).HasMaxLength(256);
        builder.Property(s => s.DeliveryError).HasMaxLength(1000);
    }
}

internal sealed class ExchangeRefusalConfiguration : IEntityTypeConfiguration<Exchange.ExchangeRefusal>
{
    public void Configure(EntityTypeBuilder<Exchange.ExchangeRefusal> builder)
    {
        builder.ToTable("ExchangeRefusals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Source).HasMaxLength(100);
        builder.Property(r => r.Reference).HasMaxLength(100);
        builder.Property(r => r.Sender).HasMaxLength(300);
        builder.Property(r => r.PackageId).HasMaxLength(Exchange.EdXmlLayout.MaxDocumentIdLength);
        builder.Property(r => r.Subject).HasMaxLength(500);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.HasIndex(r => new { r.AgencyId, r.At });
        builder.HasOne<MotCua.Organization.Domain.Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignatureSpecimenConfiguration : IEntityTypeConfiguration<Letters.SignatureSpecimen>
{
    public void Configure(EntityTypeBuilder<Letters.SignatureSpecimen> builder)
    {
        builder.ToTable("SignatureSpecimens");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.ImageKey).HasMaxLength(80);
        builder.Property(s => s.ContentType).HasMaxLength(40);
        builder.Property(s => s.UploadedBy).HasMaxLength(256);
        builder.HasOne<Organization.Domain.User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SigningCredentialConfiguration : IEntityTypeConfiguration<Credentials.SigningCredential>
{
    public void Configure(EntityTypeBuilder<Credentials.SigningCredential> builder)
    {
        builder.ToTable("SigningCredentials");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Subject).HasMaxLength(1000);
        builder.Property(c => c.Issuer).HasMaxLength(1000);
        builder.Property(c => c.SerialNumber).HasMaxLength(100);
        builder.Property(c => c.Thumbprint).HasMaxLength(64);
        builder.Property(c => c.Service).HasMaxLength(100);
        builder.Property(c => c.RemoteCredentialId).HasMaxLength(200);
        builder.Property(c => c.EnrolledBy).HasMaxLength(256);
        builder.Property(c => c.RetiredBy).HasMaxLength(256);
        builder.HasOne<Organization.Domain.User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(c => c.UserId);
        builder.HasIndex(c => c.NotAfter);
        builder.Ignore(c => c.InUse);
    }
}

internal sealed class TrustEntryConfiguration : IEntityTypeConfiguration<Credentials.TrustEntry>
{
    public void Configure(EntityTypeBuilder<Credentials.TrustEntry> builder)
    {
        builder.ToTable("TrustEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(1000);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.AddedBy).HasMaxLength(256);
        builder.HasIndex(e => e.Sha256).IsUnique();
    }
}
