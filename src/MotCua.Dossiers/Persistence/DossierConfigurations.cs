using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Intake;
using MotCua.Kernel.Persistence;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Persistence;

internal sealed class DossierCodeCounterConfiguration : IEntityTypeConfiguration<DossierCodeCounter>
{
    public void Configure(EntityTypeBuilder<DossierCodeCounter> builder)
    {
        builder.ToTable("DossierCodeCounters");
        builder.HasKey(c => new { c.AgencyId, c.Day });
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcessDefinitionConfiguration : IEntityTypeConfiguration<ProcessDefinition>
{
    public void Configure(EntityTypeBuilder<ProcessDefinition> builder)
    {
        builder.ToTable("ProcessDefinitions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TimeLimit).HasPrecision(9, 2);
        builder.Property(p => p.TimeLimitUnit).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Steps).HasJsonConversion(() => []);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.ProcedureId, p.AgencyId, p.Version }).IsUnique();
        builder.HasOne<Procedure>().WithMany().HasForeignKey(p => p.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FastTrackConfiguration : IEntityTypeConfiguration<FastTracks.FastTrack>
{
    public void Configure(EntityTypeBuilder<FastTracks.FastTrack> builder)
    {
        builder.ToTable("FastTracks");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.AgencyPath).HasMaxLength(1024);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Basis).HasMaxLength(300);
        builder.Property(f => f.Hours).HasPrecision(9, 2);
        builder.Property(f => f.FieldIds).HasJsonConversion(() => []);
        builder.Property(f => f.ProcedureCodes).HasJsonConversion(() => []);
        builder.Property(f => f.CreatedBy).HasMaxLength(256);
        builder.Property(f => f.DeactivatedBy).HasMaxLength(256);
        builder.Ignore(f => f.DaysOfWeek);
        builder.HasIndex(f => new { f.Active, f.AgencyPath });
        builder.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.ToTable("Dossiers");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Code).HasMaxLength(48);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.ProcedureCode).HasMaxLength(16);
        builder.Property(d => d.ProcedureName).HasMaxLength(2000);
        builder.Property(d => d.Applicant).HasJsonConversion(() => new Applicant());
        builder.Property(d => d.ApplicantName).HasMaxLength(200);
        builder.Property(d => d.ApplicantNameFolded).HasMaxLength(200);
        builder.Property(d => d.Request).HasMaxLength(4000);
        builder.Property(d => d.DeliveryAddress).HasMaxLength(500);
        builder.Property(d => d.IdempotencyKey).HasMaxLength(100);
        builder.Property(d => d.ReceivedByName).HasMaxLength(256);
        builder.Property(d => d.ApologyReason).HasMaxLength(4000);
        builder.Property(d => d.SupplementReason).HasMaxLength(4000);
        builder.Property(d => d.ClosingReason).HasMaxLength(4000);
        builder.Property(d => d.ReturnedTo).HasMaxLength(300);
        builder.Property(d => d.PausedHours).HasPrecision(9, 2);
        builder.Property(d => d.StepName).HasMaxLength(300);
        builder.Property(d => d.StepRole).HasMaxLength(32);
        builder.Property(d => d.AssigneeName).HasMaxLength(256);
        builder.Property(d => d.ResultFileKey).HasMaxLength(80);
        builder.Property(d => d.ResultFileName).HasMaxLength(260);
        builder.Property(d => d.ResultNotation).HasMaxLength(100);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.Ignore(d => d.MissingDocuments);
        builder.HasMany(d => d.Documents).WithOne().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.History).WithOne().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Queues: the step's agency and role, by due time; the citizen's list; statistics by agency and time.
        // The queue's filters ride in the index after the sort key, so that counting a long queue reads the index only.
        builder.Property(d => d.FastTrackName).HasMaxLength(200);
        builder.Property(d => d.FastTrackHours).HasPrecision(9, 2);
        builder.HasIndex(d => d.FastTrackId);
        builder.Property(d => d.AssistedByName).HasMaxLength(256);
        builder.Property(d => d.LetterTitle).HasMaxLength(100);
        builder.Property(d => d.LinkedInputFrom).HasMaxLength(16);
        builder.Property(d => d.LinkedInputName).HasMaxLength(500);
        builder.HasIndex(d => d.LinkedDossierId);
        builder.HasIndex(d => d.TicketId); // the queue's ticket (Queueing keeps no key here: a module above this one)
        builder.HasOne<Linked.LinkedDossier>().WithMany().HasForeignKey(d => d.LinkedDossierId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.LetterFileKey).HasMaxLength(80);
        builder.Property(d => d.LetterDeclined).HasDefaultValue(false);
        builder.HasIndex(d => new { d.AssistedById, d.SubmittedAt });
        builder.HasIndex(d => new { d.StepAgencyId, d.StepRole, d.StepDueAt, d.Status, d.AssigneeId, d.StepUnitId });
        builder.HasIndex(d => new { d.OwnerId, d.CreatedAt });
        builder.HasIndex(d => new { d.OwnerId, d.IdempotencyKey }).IsUnique();
        builder.HasIndex(d => new { d.ReceivingAgencyId, d.SubmittedAt });
        builder.HasIndex(d => new { d.CompetentAgencyId, d.ReceivedAt });
        builder.HasIndex(d => d.AssigneeId);
        // Open dossiers for statistics, counted from this narrow index (status first: few are open).
        builder.HasIndex(d => new { d.Status, d.ReceivedAt, d.DueAt, d.CompetentAgencyId, d.ReceivingAgencyId }).HasDatabaseName("IX_Dossiers_Open");
        builder.HasOne<Procedure>().WithMany().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.ReceivingAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.CompetentAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LinkedDossierConfiguration : IEntityTypeConfiguration<Linked.LinkedDossier>
{
    public void Configure(EntityTypeBuilder<Linked.LinkedDossier> builder)
    {
        builder.ToTable("LinkedDossiers");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(48);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.ServiceCode).HasMaxLength(40);
        builder.Property(p => p.ServiceName).HasMaxLength(300);
        builder.Property(p => p.ApplicantName).HasMaxLength(200);
        builder.HasIndex(p => new { p.OwnerId, p.CreatedAt });
        builder.Property(p => p.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(p => new { p.OwnerId, p.IdempotencyKey }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.ReceivingAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsentCodeConfiguration : IEntityTypeConfiguration<Assisted.ConsentCode>
{
    public void Configure(EntityTypeBuilder<Assisted.ConsentCode> builder)
    {
        builder.ToTable("AssistConsentCodes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Phone).HasMaxLength(16);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.Property(c => c.ProcedureCode).HasMaxLength(16);
        builder.HasIndex(c => new { c.Phone, c.CreatedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.HelperId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> builder)
    {
        builder.ToTable("DossierDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(1000);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.FileKey).HasMaxLength(80);
        builder.Property(d => d.FileName).HasMaxLength(260);
        builder.Property(d => d.ContentType).HasMaxLength(100);

        // Added after the baseline: the documents already saved are checklist items.
        builder.Property(d => d.Extra).HasDefaultValue(false);
        builder.Property(d => d.FormValues);
        builder.HasIndex(d => d.DossierId);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        builder.ToTable("DossierEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.StepName).HasMaxLength(300);
        builder.Property(e => e.Comment).HasMaxLength(4200);
        builder.Property(e => e.FileKey).HasMaxLength(80);
        builder.Property(e => e.FileName).HasMaxLength(260);

        // Added after the baseline: older events keep 0 and are ordered by their time alone.
        builder.Property(e => e.Revision).HasDefaultValue(0);
        builder.HasIndex(e => new { e.DossierId, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Returning.Shipment>
{
    public void Configure(EntityTypeBuilder<Returning.Shipment> builder)
    {
        builder.ToTable("DossierShipments");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Address).HasMaxLength(500);
        builder.Property(s => s.Phone).HasMaxLength(20);
        builder.Property(s => s.Window).HasMaxLength(200);
        builder.Property(s => s.Waybill).HasMaxLength(64);
        builder.Property(s => s.StatusText).HasMaxLength(500);
        builder.HasIndex(s => s.DossierId);
        builder.HasIndex(s => new { s.Kind, s.Status });
        builder.HasOne<Dossier>().WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierDayCountConfiguration : IEntityTypeConfiguration<Stats.DossierDayCount>
{
    public void Configure(EntityTypeBuilder<Stats.DossierDayCount> builder)
    {
        builder.ToTable("DossierDayCounts");
        builder.HasKey(c => new { c.Day, c.CompetentAgencyId, c.ReceivingAgencyId, c.Metric });
        builder.HasIndex(c => new { c.CompetentAgencyId, c.Day });
        builder.HasIndex(c => new { c.ReceivingAgencyId, c.Day });
    }
}
