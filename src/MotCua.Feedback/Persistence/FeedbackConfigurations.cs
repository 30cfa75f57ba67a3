using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Dossiers.Domain;
using MotCua.Feedback.Domain;
using MotCua.Kernel.Persistence;
using MotCua.Organization.Domain;

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
        builder.Property(o => o.Level).HasConversion<int>();
        builder.HasIndex(o => new { o.UserId, o.RatingId }).IsUnique();
        builder.HasIndex(o => new { o.CompetentAgencyId, o.RatedAt });
        builder.HasIndex(o => new { o.ReceivingAgencyId, o.RatedAt });
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
        builder.Property(r => r.ReviewedBy).HasMaxLength(256);

        // A tablet's replay of the same rating is taken once.
        builder.HasIndex(r => r.ClientId).IsUnique();
        builder.HasIndex(r => new { r.DeviceId, r.RatedAt });
        builder.HasIndex(r => new { r.AgencyId, r.RatedAt });
        builder.HasOne<KioskDevice>().WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.ToTable("Questionnaires");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Title).HasMaxLength(200);
        builder.Property(q => q.CreatedBy).HasMaxLength(256);
        builder.Property(q => q.Questions).HasJsonConversion(() => []);
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("Surveys");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.OpenedBy).HasMaxLength(256);

        // The questions as they were when the survey opened: later edits of the questionnaire do not change it.
        builder.Property(s => s.Questions).HasJsonConversion(() => []);
        builder.HasIndex(s => new { s.AgencyId, s.OpenedAt });
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(s => s.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization.Domain.Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("SurveyInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Token).HasMaxLength(16);
        builder.HasIndex(i => i.Token).IsUnique();
        builder.HasIndex(i => new { i.SurveyId, i.DossierId }).IsUnique();
        builder.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(i => i.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("SurveyResponses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Comment).HasMaxLength(2000);
        builder.Property(r => r.Answers).HasJsonConversion(() => []);

        // One response per invitation, however often it is sent.
        builder.HasIndex(r => r.InvitationId).IsUnique();
        builder.HasIndex(r => r.SurveyId);
        builder.HasOne<SurveyInvitation>().WithMany().HasForeignKey(r => r.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgencyTargetConfiguration : IEntityTypeConfiguration<Targets.AgencyTarget>
{
    public void Configure(EntityTypeBuilder<Targets.AgencyTarget> builder)
    {
        builder.ToTable("AgencyTargets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.AgencyPath).HasMaxLength(1024);
        builder.Property(t => t.Metric).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Percent).HasPrecision(5, 1);
        builder.Property(t => t.SetBy).HasMaxLength(256);
        builder.HasIndex(t => new { t.AgencyId, t.Metric }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TargetEvaluationConfiguration : IEntityTypeConfiguration<Targets.TargetEvaluation>
{
    public void Configure(EntityTypeBuilder<Targets.TargetEvaluation> builder)
    {
        builder.ToTable("TargetEvaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Metric).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Target).HasPrecision(5, 1);
        builder.HasIndex(e => new { e.TargetId, e.Month }).IsUnique();
        builder.HasIndex(e => new { e.AgencyId, e.Month });
        builder.HasOne<Targets.AgencyTarget>().WithMany().HasForeignKey(e => e.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.ToTable("SupportRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).HasMaxLength(16);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Phone).HasMaxLength(20);
        builder.Property(r => r.Email).HasMaxLength(200);
        builder.Property(r => r.Address).HasMaxLength(500);
        builder.Property(r => r.ProcedureCode).HasMaxLength(32);
        builder.Property(r => r.DossierCode).HasMaxLength(64);
        builder.Property(r => r.Question).HasMaxLength(4000);
        builder.Property(r => r.MailMessageId).HasMaxLength(300);
        builder.HasIndex(r => r.MailMessageId).IsUnique();
        builder.Property(r => r.RecordedBy).HasMaxLength(256);
        builder.Property(r => r.AssigneeName).HasMaxLength(256);
        builder.Property(r => r.VisitBy).HasMaxLength(256);
        builder.Property(r => r.Answer).HasMaxLength(4000);
        builder.Property(r => r.AnsweredBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.AgencyId, r.Status, r.DueAt });
        builder.HasIndex(r => r.ReceivedAt);
        builder.Ignore(r => r.Late);
        builder.Ignore(r => r.CanAssign);
        builder.Ignore(r => r.CanScheduleVisit);
        builder.Ignore(r => r.CanAnswer);
    }
}
