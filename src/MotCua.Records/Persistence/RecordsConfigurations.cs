using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Organization.Domain;
using MotCua.Records.Domain;

namespace MotCua.Records.Persistence;

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        builder.ToTable("RetentionRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(300);
        builder.HasIndex(r => r.Code).IsUnique();
    }
}

internal sealed class FilePlanConfiguration : IEntityTypeConfiguration<FilePlan>
{
    public void Configure(EntityTypeBuilder<FilePlan> builder)
    {
        builder.ToTable("FilePlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.Property(p => p.ApprovedBy).HasMaxLength(200);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.HasIndex(p => new { p.AgencyId, p.Year }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Headings).WithOne().HasForeignKey(h => h.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Files).WithOne().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Headings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Files).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.IsDraft);
    }
}

internal sealed class PlanHeadingConfiguration : IEntityTypeConfiguration<PlanHeading>
{
    public void Configure(EntityTypeBuilder<PlanHeading> builder)
    {
        builder.ToTable("FilePlanHeadings");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Title).HasMaxLength(500);
        builder.Ignore(h => h.Number);
    }
}

internal sealed class PlannedFileConfiguration : IEntityTypeConfiguration<PlannedFile>
{
    public void Configure(EntityTypeBuilder<PlannedFile> builder)
    {
        builder.ToTable("PlannedFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Notation).HasMaxLength(30);
        builder.Property(f => f.Title).HasMaxLength(1000);
        builder.Property(f => f.Responsible).HasMaxLength(300);
        builder.Property(f => f.ProcedureCode).HasMaxLength(30);
        builder.Property(f => f.DocumentTypeCode).HasMaxLength(20);
        builder.HasIndex(f => new { f.PlanId, f.Notation }).IsUnique();
        builder.HasIndex(f => f.ProcedureCode);
        builder.HasOne<PlanHeading>().WithMany().HasForeignKey(f => f.HeadingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecordFileConfiguration : IEntityTypeConfiguration<RecordFile>
{
    public void Configure(EntityTypeBuilder<RecordFile> builder)
    {
        builder.ToTable("RecordFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.OrganIdentifier).HasMaxLength(40);
        builder.Property(f => f.Notation).HasMaxLength(30);
        builder.Property(f => f.Code).HasMaxLength(100);
        builder.Property(f => f.Title).HasMaxLength(1000);
        builder.Property(f => f.UnplannedReason).HasMaxLength(1000);
        builder.Property(f => f.Language).HasMaxLength(50);
        builder.Property(f => f.Keywords).HasMaxLength(500);
        builder.Property(f => f.Format).HasMaxLength(50);
        builder.Property(f => f.Description).HasMaxLength(2000);
        builder.Property(f => f.OwnerName).HasMaxLength(200);
        builder.Property(f => f.ProcedureCode).HasMaxLength(30);
        builder.Property(f => f.DocumentTypeCode).HasMaxLength(20);
        builder.Property(f => f.ClosedBy).HasMaxLength(200);
        builder.Property(f => f.Revision).IsConcurrencyToken();
        builder.HasIndex(f => new { f.AgencyId, f.Code }).IsUnique();
        builder.HasIndex(f => f.PlannedFileId).IsUnique().HasFilter("\"PlannedFileId\" IS NOT NULL");
        builder.HasIndex(f => new { f.AgencyId, f.Status, f.Year });
        builder.HasIndex(f => new { f.AgencyId, f.Year, f.ProcedureCode });
        builder.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlannedFile>().WithMany().HasForeignKey(f => f.PlannedFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Items).WithOne().HasForeignKey(i => i.FileId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(f => f.IsOpen);
        builder.Ignore(f => f.IsHolding);
    }
}

internal sealed class RecordItemConfiguration : IEntityTypeConfiguration<RecordItem>
{
    public void Configure(EntityTypeBuilder<RecordItem> builder)
    {
        builder.ToTable("RecordItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Notation).HasMaxLength(100);
        builder.Property(i => i.Issuer).HasMaxLength(300);
        builder.Property(i => i.TypeName).HasMaxLength(100);
        builder.Property(i => i.Subject).HasMaxLength(2000);
        builder.Property(i => i.Language).HasMaxLength(50);
        builder.Property(i => i.Confidentiality).HasMaxLength(50);
        builder.Property(i => i.Format).HasMaxLength(100);
        builder.Property(i => i.FileKey).HasMaxLength(200);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.FiledBy).HasMaxLength(200);

        // A registered document is filed once, wherever (a dossier's result in one file of the year).
        builder.HasIndex(i => new { i.Source, i.SourceId }).IsUnique().HasFilter("\"SourceId\" IS NOT NULL");
    }
}
