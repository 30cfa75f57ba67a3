using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Persistence;

namespace MotCua.Catalog.Persistence;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<Import.ImportBatch>
{
    public void Configure(EntityTypeBuilder<Import.ImportBatch> builder)
    {
        builder.ToTable("ProcedureImports");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.Format).HasMaxLength(8);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(b => b.CreatedAt);
    }
}

internal sealed class LifeEventConfiguration : IEntityTypeConfiguration<LifeEvent>
{
    public void Configure(EntityTypeBuilder<LifeEvent> builder)
    {
        builder.ToTable("LifeEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Slug).HasMaxLength(120);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Description).HasMaxLength(500);
        builder.PrimitiveCollection(e => e.ProcedureCodes);
    }
}

internal sealed class ProcedureAssignmentConfiguration : IEntityTypeConfiguration<Assignments.ProcedureAssignment>
{
    public void Configure(EntityTypeBuilder<Assignments.ProcedureAssignment> builder)
    {
        builder.ToTable("ProcedureAssignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.FeeText).HasMaxLength(300);
        builder.PrimitiveCollection(a => a.Methods);
        builder.HasIndex(a => new { a.ProcedureId, a.AgencyId, a.Level }).IsUnique();
        builder.HasIndex(a => a.AgencyId);
        builder.HasOne<Procedure>().WithMany().HasForeignKey(a => a.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MotCua.Organization.Domain.Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureGuideConfiguration : IEntityTypeConfiguration<Guides.ProcedureGuide>
{
    public void Configure(EntityTypeBuilder<Guides.ProcedureGuide> builder)
    {
        builder.ToTable("ProcedureGuides");
        builder.HasKey(g => g.Id);
        builder.HasIndex(g => g.ProcedureId).IsUnique();
        builder.Property(g => g.UpdatedBy).HasMaxLength(256);
        builder.Property(g => g.Steps).HasJsonConversion(() => []);
        builder.HasOne<Procedure>().WithMany().HasForeignKey(g => g.ProcedureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> builder)
    {
        builder.ToTable("Fields");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.NameFolded).HasMaxLength(200);
        builder.HasIndex(f => f.NameFolded).IsUnique();
    }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("Procedures");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.NationalCode).HasMaxLength(16);
        builder.HasIndex(p => p.NationalCode).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(2000);
        builder.Property(p => p.NameFolded).HasMaxLength(2000);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Applicants).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.ReplacedByCode).HasMaxLength(16);
        builder.Property(p => p.WithdrawalReason).HasMaxLength(500);
        builder.HasIndex(p => new { p.Status, p.Weight });
        builder.HasIndex(p => p.UpdatedAt);
        builder.HasIndex(p => p.FieldId);
        builder.HasOne<Field>().WithMany().HasForeignKey(p => p.FieldId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.DomainEvents);
        builder.Ignore(p => p.InForce);
    }
}

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> builder)
    {
        builder.ToTable("ProcedureVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.Content).HasJsonConversion(() => new ProcedureContent());
    }
}

internal sealed class LinkedServiceConfiguration : IEntityTypeConfiguration<Linked.LinkedService>
{
    public void Configure(EntityTypeBuilder<Linked.LinkedService> builder)
    {
        builder.ToTable("LinkedServices");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.NationalCode).HasMaxLength(16);
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.Members).HasJsonConversion(() => []);
        builder.Property(s => s.SharedDocuments).HasJsonConversion(() => []);
        builder.Property(s => s.SharedData).HasJsonConversion(() => []);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.Ignore(s => s.FirstStage);
    }
}

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<Letters.LetterTemplate>
{
    public void Configure(EntityTypeBuilder<Letters.LetterTemplate> builder)
    {
        builder.ToTable("LetterTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ProcedureCode).HasMaxLength(16);
        builder.HasIndex(t => t.ProcedureCode).IsUnique();
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Body).HasMaxLength(4000);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class EligibilityListConfiguration : IEntityTypeConfiguration<Eligibility.EligibilityList>
{
    public void Configure(EntityTypeBuilder<Eligibility.EligibilityList> builder)
    {
        builder.ToTable("EligibilityLists");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.AgencyPath).HasMaxLength(1024);
        builder.Property(l => l.Decision).HasMaxLength(300);
        builder.Property(l => l.Codes).HasJsonConversion(() => []);
        builder.Property(l => l.ImportedBy).HasMaxLength(256);
        builder.HasIndex(l => new { l.Kind, l.AgencyId, l.ReplacedAt });
        builder.HasOne<MotCua.Organization.Domain.Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureQuestionConfiguration : IEntityTypeConfiguration<Questions.ProcedureQuestion>
{
    public void Configure(EntityTypeBuilder<Questions.ProcedureQuestion> builder)
    {
        builder.ToTable("ProcedureQuestions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.ProcedureCode).HasMaxLength(32);
        builder.Property(q => q.Question).HasMaxLength(Questions.ProcedureQuestions.MaxText);
        builder.Property(q => q.Answer).HasMaxLength(Questions.ProcedureQuestions.MaxText);
        builder.Property(q => q.PublishedBy).HasMaxLength(256);
        builder.HasIndex(q => q.ProcedureCode);
    }
}
