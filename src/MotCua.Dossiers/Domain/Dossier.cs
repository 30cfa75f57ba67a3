using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.Domain;

/// <summary>
/// One application for one procedure (hồ sơ TTHC): its applicant and documents, the agency that received it and the
/// one competent to decide, its status (domain.md numbering), the process step it is at and who holds it, its due
/// times, and its history. Every change goes through a method here that checks the status, appends one history row
/// and raises <see cref="DossierActionRecorded"/>; the caller saves it in one transaction.
/// </summary>
public sealed class Dossier : AggregateRoot
{
    private readonly List<DossierDocument> documents = [];
    private readonly List<DossierEvent> history = [];

    /// <summary>Set while <see cref="StartLinked"/> submits a waiting member (the one submission of a waiting member allowed).</summary>
    private bool startingLinked;

    private Dossier()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public string? Code { get; private set; }

    public Guid ProcedureId { get; private init; }

    public string ProcedureCode { get; private init; } = "";

    public string ProcedureName { get; private init; } = "";

    /// <summary>The procedure version in force when the dossier was started; it keeps it.</summary>
    public int ProcedureVersion { get; private init; }

    public Guid? ProcessDefinitionId { get; private set; }

    /// <summary>Where the dossier was received (a centre, a commune, or another centre for any-location reception).</summary>
    public Guid ReceivingAgencyId { get; private init; }

    /// <summary>The agency competent to decide.</summary>
    public Guid CompetentAgencyId { get; private init; }

    public DossierChannel Channel { get; private init; }

    /// <summary>
    /// The linked submission (hồ sơ liên thông) this dossier is a member of, its stage, and the earlier member whose
    /// result it waits for (by procedure code) under the name that result takes in its checklist.
    /// </summary>
    public Guid? LinkedDossierId { get; private set; }

    /// <summary>The queue ticket the applicant was called with to the counter that received this dossier: its waiting time is this dossier's.</summary>
    public Guid? TicketId { get; private set; }

    public int? LinkedStage { get; private set; }

    public string? LinkedInputFrom { get; private set; }

    public string? LinkedInputName { get; private set; }

    /// <summary>Who submitted an assisted online dossier for the citizen (<see cref="DossierChannel.AssistedOnline"/>), where, and how the citizen consented.</summary>
    public Guid? AssistedById { get; private set; }

    public string? AssistedByName { get; private set; }

    /// <summary>The agency of the desk or help point where the citizen was helped.</summary>
    public Guid? AssistPointAgencyId { get; private set; }

    public AssistConsent? AssistConsent { get; private set; }

    public DossierStatus Status { get; private set; }

    public DossierOutcome? Outcome { get; private set; }

    /// <summary>The citizen account that owns an online dossier.</summary>
    public Guid? OwnerId { get; private init; }

    public Applicant Applicant { get; private set; } = new();

    public string ApplicantName { get; private set; } = "";

    public string ApplicantNameFolded { get; private set; } = "";

    /// <summary>What is asked for (nội dung đề nghị).</summary>
    public string? Request { get; private set; }

    public ResultDelivery Delivery { get; private set; }

    public string? DeliveryAddress { get; private set; }

    /// <summary>The client's key of an online submission: a retried request finds the same dossier.</summary>
    public string? IdempotencyKey { get; private init; }

    public DateTime CreatedAt { get; private init; }

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? ReceivedAt { get; private set; }

    public Guid? ReceivedById { get; private set; }

    public string? ReceivedByName { get; private set; }

    /// <summary>The appointment (ngày hẹn trả) in force.</summary>
    public DateTime? DueAt { get; private set; }

    /// <summary>The fast track (luồng nhanh) the dossier was received under, its name and its limit in working hours (0: the same day).</summary>
    public Guid? FastTrackId { get; private set; }

    public string? FastTrackName { get; private set; }

    public decimal? FastTrackHours { get; private set; }

    /// <summary>The first appointment, kept when a late apology sets a new one.</summary>
    public DateTime? OriginalDueAt { get; private set; }

    public string? ApologyReason { get; private set; }

    /// <summary>When the dossier was decided, stopped, refused or withdrawn.</summary>
    public DateTime? FinishedAt { get; private set; }

    public DateTime? ReturnedAt { get; private set; }

    /// <summary>Since when the clock is stopped for a supplement.</summary>
    public DateTime? PausedAt { get; private set; }

    /// <summary>Working hours the clock was stopped in all, by supplements.</summary>
    public decimal PausedHours { get; private set; }

    public DossierStatus? StatusBeforeSupplement { get; private set; }

    public string? SupplementReason { get; private set; }

    public int StepIndex { get; private set; }

    public StepKind? StepKind { get; private set; }

    public string? StepName { get; private set; }

    public string? StepRole { get; private set; }

    public Guid? StepUnitId { get; private set; }

    public Guid? StepAgencyId { get; private set; }

    public DateTime? StepStartedAt { get; private set; }

    public DateTime? StepDueAt { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public string? AssigneeName { get; private set; }

    /// <summary>Nobody holds the dossier, or <paramref name="actorId"/> does: someone else holding it blocks every action but theirs.</summary>
    public bool IsFreeFor(Guid? actorId) => AssigneeId is null || AssigneeId == actorId;

    public DossierAction? LastAction { get; private set; }

    public Guid? TransferFromAgencyId { get; private set; }

    public int? TransferReturnIndex { get; private set; }

    public Guid? TransferredById { get; private set; }

    public string? ResultFileKey { get; private set; }

    public string? ResultFileName { get; private set; }

    public DateOnly? ResultValidUntil { get; private set; }

    /// <summary>The official document the approved result was issued as (numbered, signed and sealed in the approval).</summary>
    public Guid? ResultDocumentId { get; private set; }

    /// <summary>Its number and notation, e.g. <c>05/QĐ-UBND</c>.</summary>
    public string? ResultNotation { get; private set; }

    /// <summary>The greeting or condolence letter produced with the result (its title and PDF), handed over with it unless the family declined.</summary>
    public string? LetterTitle { get; private set; }

    public string? LetterFileKey { get; private set; }

    /// <summary>The family asked not to receive the letter: none is produced, or the one produced is not handed over.</summary>
    public bool LetterDeclined { get; private set; }

    /// <summary>Why it was refused, stopped or withdrawn.</summary>
    public string? ClosingReason { get; private set; }

    public string? ReturnedTo { get; private set; }

    /// <summary>Optimistic concurrency: each change increments it, and a save over a stale copy fails.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<DossierDocument> Documents => documents;

    public IReadOnlyList<DossierEvent> History => history;

    /// <summary>
    /// Set when the dossier is decided: early, on time or late against the first appointment (an apology does not make
    /// a late dossier on time). Stored, so statistics group by it in SQL.
    /// </summary>
    public Timeliness? FinishedTimeliness { get; private set; }

    private static readonly DossierStatus[] Withdrawable =
        [DossierStatus.Draft, DossierStatus.NewlySubmitted, DossierStatus.Received, DossierStatus.Processing, DossierStatus.SupplementRequested];

    private static readonly DossierStatus[] Stoppable = [DossierStatus.Received, DossierStatus.Processing];

    private static readonly DossierStatus[] Apologizable = [DossierStatus.Received, DossierStatus.Processing, DossierStatus.SupplementRequested];

    /// <summary>Paper documents can be collected at home until the dossier is received (or while a supplement is asked).</summary>
    private static readonly DossierStatus[] Collectable = [DossierStatus.Draft, DossierStatus.NewlySubmitted, DossierStatus.SupplementRequested];

    /// <summary>
    /// Its applicant completes it online: an online dossier, or an assisted one whose citizen has an account. An assisted
    /// dossier of a citizen without one is completed at the counter, like a walk-in's.
    /// </summary>
    private bool CompletedOnline => Channel.IsOnline() && OwnerId is not null;

    /// <summary>A draft, or a dossier whose applicant was asked for a supplement: its application and documents can change.</summary>
    /// <remarks>A member of a linked submission waiting for an earlier member's result is a draft the applicant does not edit or submit.</remarks>
    public bool IsEditable => (Status == DossierStatus.Draft && !IsWaitingForLink) || Status == DossierStatus.SupplementRequested;

    /// <summary>At a processing step (not reception, not return) that an officer may take.</summary>
    private bool IsTakeable => Status is DossierStatus.Received or DossierStatus.Processing
        && StepKind is not (Domain.StepKind.Reception or Domain.StepKind.Return);

    /// <summary>
    /// What <paramref name="actorId"/> may do to the dossier now, given the <paramref name="roles"/> they hold on it: the
    /// status, step and holder checks are the transitions' own, so a listed command is refused only for what its request
    /// carries (a reason left out, a document still missing, a stale revision). In the order the desk and the officers
    /// meet them.
    /// </summary>
    public IReadOnlyList<DossierCommand> AvailableCommands(Guid? actorId, DossierRoles roles)
    {
        var commands = new List<DossierCommand>();
        var owner = roles.HasFlag(DossierRoles.Owner);
        var desk = roles.HasFlag(DossierRoles.Desk);
        var holds = actorId is not null && AssigneeId == actorId;
        var free = IsFreeFor(actorId);
        if (owner && IsEditable)
        {
            commands.AddRange([DossierCommand.Edit, Status == DossierStatus.Draft ? DossierCommand.Submit : DossierCommand.Resubmit]);
        }

        if (desk && free && Status == DossierStatus.NewlySubmitted)
        {
            commands.AddRange([DossierCommand.Accept, DossierCommand.RequestSupplement, DossierCommand.RefuseReception]);
        }

        // An online dossier is completed by its applicant online; one received at a counter or by post, at the counter.
        if (desk && Status == DossierStatus.SupplementRequested && !CompletedOnline)
        {
            commands.Add(DossierCommand.ResubmitAtCounter);
        }

        // An officer whose role fits a free step may take it without acting, or act at once (the action takes it).
        var takeable = roles.HasFlag(DossierRoles.StepHolder) && AssigneeId is null && IsTakeable;
        if (takeable)
        {
            commands.Add(DossierCommand.Take);
        }

        if ((Status == DossierStatus.Processing && holds) || takeable)
        {
            commands.Add(StepKind switch
            {
                Domain.StepKind.Transfer => DossierCommand.ReturnTransfer,
                Domain.StepKind.Approval => DossierCommand.Approve,
                _ => DossierCommand.Forward,
            });
            if (StepIndex > 1 && StepKind != Domain.StepKind.Transfer)
            {
                commands.Add(DossierCommand.SendBack);
            }

            commands.Add(DossierCommand.RequestSupplement);
            if (StepKind is Domain.StepKind.Processing or Domain.StepKind.Review)
            {
                commands.AddRange([DossierCommand.ProposeRefusal, DossierCommand.ProposeResult, DossierCommand.Consult]);
                if (TransferFromAgencyId is null)
                {
                    commands.Add(DossierCommand.Transfer);
                }
            }
        }

        if (Stoppable.Contains(Status) && free && (holds || roles.HasFlag(DossierRoles.Leader)))
        {
            commands.Add(DossierCommand.Stop);
        }

        if (Apologizable.Contains(Status) && DueAt is not null && (desk || roles.HasFlag(DossierRoles.Leader)))
        {
            commands.Add(DossierCommand.Apologize);
        }

        if (Status == DossierStatus.Processed && free && roles.HasFlag(DossierRoles.ReturnDesk))
        {
            commands.Add(DossierCommand.Return);
        }

        if (Withdrawable.Contains(Status) && (owner || desk))
        {
            commands.Add(DossierCommand.Withdraw);
        }

        if (Collectable.Contains(Status) && !IsWaitingForLink && (owner || desk))
        {
            commands.Add(DossierCommand.RequestPickup);
        }

        return commands;
    }

    /// <summary>Throws unless paper documents may be collected at the applicant's home now.</summary>
    public void RequireCollectable()
    {
        if (!Collectable.Contains(Status) || IsWaitingForLink)
        {
            throw new DomainException("Chỉ yêu cầu thu gom khi hồ sơ chưa được tiếp nhận hoặc đang chờ bổ sung.", ProblemKind.Conflict);
        }
    }

    /// <summary>A new dossier: an online draft of a citizen, or a walk-in applicant's dossier at a counter.</summary>
    public static Dossier Start(
        Procedure procedure, int version, Guid receivingAgencyId, Guid competentAgencyId, DossierChannel channel, Guid? ownerId,
        Applicant applicant, string? idempotencyKey, Actor actor, DateTime now)
    {
        var dossier = new Dossier
        {
            ProcedureId = procedure.Id,
            ProcedureCode = procedure.NationalCode,
            ProcedureName = procedure.Name,
            ProcedureVersion = version,
            ReceivingAgencyId = receivingAgencyId,
            CompetentAgencyId = competentAgencyId,
            Channel = channel,
            OwnerId = ownerId,
            IdempotencyKey = idempotencyKey,
            Status = DossierStatus.Draft,
            CreatedAt = now,
        };
        dossier.SetApplicant(applicant);
        if (channel.IsOnline())
        {
            dossier.Append(DossierAction.SaveDraft, DossierStatus.Draft, actor, now, null);
        }

        return dossier;
    }

    /// <summary>The applicant came to the counter with this queue ticket (set while the dossier is being received).</summary>
    public void CameWithTicket(Guid ticketId)
    {
        if (Code is not null)
        {
            throw new DomainException("Hồ sơ đã được tiếp nhận.", ProblemKind.Conflict);
        }

        TicketId = ticketId;
    }

    /// <summary>Edits the application while it can be edited (a draft, or while a supplement is requested).</summary>
    public void Fill(Applicant applicant, string? request, ResultDelivery delivery, string? deliveryAddress)
    {
        RequireEditable();
        SetApplicant(applicant);
        var text = request?.Trim();
        if (text?.Length > 4000)
        {
            throw new DomainException("Nội dung đề nghị dài tối đa 4.000 ký tự.", ProblemKind.Invalid, "request");
        }

        var address = deliveryAddress?.Trim();
        if (delivery == ResultDelivery.Postal && string.IsNullOrWhiteSpace(address))
        {
            throw new DomainException("Hãy nhập địa chỉ nhận kết quả qua bưu chính.", ProblemKind.Invalid, "deliveryAddress");
        }

        if (address?.Length > 500)
        {
            throw new DomainException("Địa chỉ dài tối đa 500 ký tự.", ProblemKind.Invalid, "deliveryAddress");
        }

        Request = string.IsNullOrEmpty(text) ? null : text;
        Delivery = delivery;
        DeliveryAddress = string.IsNullOrEmpty(address) ? null : address;
        Revision++;
    }

    public DossierDocument AddDocument(string name, DocumentCopyKind kind, int count, bool required, StoredFile? file, DateTime now)
    {
        RequireEditable();
        var document = DossierDocument.Create(Id, name, kind, count, required, file, Status == DossierStatus.SupplementRequested, now);
        documents.Add(document);
        Revision++;
        return document;
    }

    /// <summary>At the counter: a paper document handed over (or, with count 0, listed as not brought).</summary>
    public DossierDocument AddPaper(string name, DocumentCopyKind kind, int count, bool required, DateTime now)
    {
        RequireEditable();
        var document = DossierDocument.Paper(Id, name, kind, count, required, now);
        documents.Add(document);
        Revision++;
        return document;
    }

    public void MarkPaperProvided(Guid documentId, int count)
    {
        RequireEditable();
        Document(documentId).MarkProvided(count);
        Revision++;
    }

    public void AttachFile(Guid documentId, StoredFile file, DateTime now)
    {
        RequireEditable();
        Document(documentId).Attach(file, Status == DossierStatus.SupplementRequested, now);
        Revision++;
    }

    /// <summary>The applicant filled the document's e-form online: its values and the PDF printed from them.</summary>
    public void FillForm(Guid documentId, string values, StoredFile printed, DateTime now)
    {
        RequireEditable();
        Document(documentId).Fill(values, printed, Status == DossierStatus.SupplementRequested, now);
        Revision++;
    }

    /// <summary>An extra document the applicant adds beyond the checklist, with its file.</summary>
    public DossierDocument AddExtraDocument(string name, StoredFile file, DateTime now)
    {
        RequireEditable();
        var document = DossierDocument.Create(Id, name, DocumentCopyKind.Copy, 1, false, file, Status == DossierStatus.SupplementRequested, now, extra: true);
        documents.Add(document);
        Revision++;
        return document;
    }

    /// <summary>
    /// The applicant takes back an uploaded file: a checklist item is missing again, an extra document goes. In a draft
    /// any file may be taken back; while a supplement is asked, only what was uploaded for it (what the agency already
    /// received stays).
    /// </summary>
    public void RemoveFile(Guid documentId)
    {
        RequireEditable();
        var document = Document(documentId);
        if (document.FileKey is null)
        {
            throw new DomainException("Thành phần hồ sơ này chưa có tệp để bỏ.", ProblemKind.Conflict);
        }

        if (!AllowsRemovingFile(document))
        {
            throw new DomainException("Giấy tờ cơ quan đã nhận không bỏ được; hãy tải lên bản bổ sung.", ProblemKind.Conflict);
        }

        if (document.Extra)
        {
            documents.Remove(document);
        }
        else
        {
            document.Detach();
        }

        Revision++;
    }

    /// <summary>Whether the applicant may take back the document's file now (<see cref="RemoveFile"/>).</summary>
    public bool AllowsRemovingFile(DossierDocument document) =>
        IsEditable && document.FileKey is not null && (Status == DossierStatus.Draft || document.IsSupplement);

    /// <summary>The required documents not yet provided (a file uploaded, or ticked as handed over at the counter).</summary>
    public IEnumerable<DossierDocument> MissingDocuments => documents.Where(d => d.Required && !d.Provided);

    /// <summary>
    /// An assisted online dossier records who helped, at which desk or help point, and how the citizen consented; the
    /// submission that follows names them in the history.
    /// </summary>
    public void Assist(Actor helper, Guid pointAgencyId, AssistConsent consent)
    {
        if (Channel != DossierChannel.AssistedOnline || Status != DossierStatus.Draft)
        {
            throw new DomainException("Chỉ hồ sơ nộp trực tuyến có hỗ trợ, chưa nộp, mới ghi nhận người hỗ trợ.", ProblemKind.Conflict);
        }

        if (!Enum.IsDefined(consent))
        {
            throw new DomainException("Hãy chọn cách người nộp xác nhận đồng ý.", ProblemKind.Invalid, "consent");
        }

        (AssistedById, AssistedByName, AssistPointAgencyId, AssistConsent) = (helper.Id, helper.Name, pointAgencyId, consent);
        Revision++;
    }

    /// <summary>Online submission: the draft gets its code and waits in the receiving desk's queue.</summary>
    public void Submit(string code, ProcessDefinition process, decimal receptionHours, WorkingCalendar calendar, Actor actor, DateTime now)
    {
        RequireStatus(DossierAction.Submit, DossierStatus.Draft);
        if (IsWaitingForLink && !startingLinked)
        {
            throw new DomainException("Hồ sơ này bắt đầu khi thủ tục trước trong hồ sơ liên thông có kết quả.", ProblemKind.Conflict);
        }

        if (Channel == DossierChannel.AssistedOnline && AssistConsent is null)
        {
            throw new DomainException("Hồ sơ nộp thay cần xác nhận đồng ý của người nộp (mã xác nhận hoặc chữ ký trên phiếu).", ProblemKind.Invalid, "consent");
        }

        RequireComplete();
        Code = code;
        ProcessDefinitionId = process.Id;
        SubmittedAt = now;
        Status = DossierStatus.NewlySubmitted;
        EnterStep(process, 0, ReceivingAgencyId, calendar, now, receptionHours);
        Append(DossierAction.Submit, DossierStatus.Draft, actor, now,
            AssistConsent is { } consent ? $"Nộp trực tuyến có hỗ trợ của {AssistedByName}; người nộp đồng ý bằng {DossierLabels.Consent(consent)}." : null);
    }

    /// <summary>
    /// Acceptance by the desk (an online dossier from the queue, or a walk-in's dossier given its code now): the
    /// appointment is the time limit counted on the working calendar from now, and the dossier goes to the first
    /// processing step.
    /// </summary>
    public void Receive(string? code, ProcessDefinition process, WorkingCalendar calendar, Actor actor, DateTime now, FastTrackTerms? fastTrack = null)
    {
        var from = Status;
        var walkIn = Status == DossierStatus.Draft && !Channel.IsOnline();
        if (!walkIn)
        {
            RequireStatus(DossierAction.Receive, DossierStatus.NewlySubmitted);
        }

        RequireComplete();
        RequireFree(actor);
        if (walkIn)
        {
            Code = code ?? throw new ArgumentNullException(nameof(code));
            SubmittedAt = now;
        }

        ProcessDefinitionId = process.Id;
        StepName ??= process.Steps[0].Name;
        StepAgencyId ??= ReceivingAgencyId;
        ReceivedAt = now;
        ReceivedById = actor.Id;
        ReceivedByName = actor.Name;
        var perDay = (decimal)Deadlines.HoursPerDay(calendar);
        if (fastTrack is not null && (fastTrack.Hours == 0 ? perDay : fastTrack.Hours) < ProcessDefinition.TotalHours(process.TimeLimit, process.TimeLimitUnit, perDay))
        {
            (FastTrackId, FastTrackName, FastTrackHours) = (fastTrack.Id, fastTrack.Name, fastTrack.Hours);
        }

        DueAt = Deadlines.AppointmentFor(process, calendar, now, FastTrackHours);
        Status = DossierStatus.Received;
        Append(DossierAction.Receive, from, actor, now, null, timeliness: StepTimeliness(now));
        EnterStep(process, 1, null, calendar, now);
    }

    /// <summary>
    /// The desk asks the applicant to complete the dossier, stating once and completely what is missing. Before
    /// reception this is the guidance slip; after it the clock stops until the applicant resubmits.
    /// </summary>
    public void RequestSupplement(string reason, Actor actor, DateTime now)
    {
        RequireStatus(DossierAction.RequestSupplement, DossierStatus.Draft, DossierStatus.NewlySubmitted, DossierStatus.Received, DossierStatus.Processing);
        if (Status == DossierStatus.Draft && Channel.IsOnline())
        {
            throw new DomainException("Hồ sơ chưa nộp.", ProblemKind.Conflict);
        }

        var text = Required(reason, "reason", "Hãy nêu đầy đủ, một lần những gì cần bổ sung và lý do.");
        RequireFree(actor);
        var from = Status;
        StatusBeforeSupplement = from == DossierStatus.Draft ? DossierStatus.NewlySubmitted : from;
        SupplementReason = text;
        if (ReceivedAt is not null)
        {
            PausedAt = now;
        }

        Status = DossierStatus.SupplementRequested;
        Append(DossierAction.RequestSupplement, from, actor, now, text);
    }

    /// <summary>The applicant completes the dossier; the clock resumes and every due time moves by the paused working time.</summary>
    public void Resubmit(string? code, WorkingCalendar calendar, Actor actor, DateTime now)
    {
        RequireStatus(DossierAction.Resubmit, DossierStatus.SupplementRequested);
        RequireComplete();
        var to = StatusBeforeSupplement ?? DossierStatus.NewlySubmitted;
        if (Code is null)
        {
            Code = code ?? throw new ArgumentNullException(nameof(code));
            SubmittedAt = now;
        }

        if (PausedAt is { } paused)
        {
            var pause = calendar.WorkingTimeBetween(new DateTimeOffset(paused, TimeSpan.Zero), new DateTimeOffset(now, TimeSpan.Zero));
            PausedHours += (decimal)pause.TotalHours;
            DueAt = Shift(calendar, DueAt, pause);
            OriginalDueAt = Shift(calendar, OriginalDueAt, pause);
            StepDueAt = Shift(calendar, StepDueAt, pause);
        }

        PausedAt = null;
        Status = to;
        StatusBeforeSupplement = null;
        Append(DossierAction.Resubmit, DossierStatus.SupplementRequested, actor, now, null);
    }

    private static DateTime? Shift(WorkingCalendar calendar, DateTime? due, TimeSpan pause) =>
        due is { } d && pause > TimeSpan.Zero ? calendar.AddWorkingTime(new DateTimeOffset(d, TimeSpan.Zero), pause).UtcDateTime : due;

    /// <summary>Not received: the desk refuses the dossier with a specific reason (status 3).</summary>
    public void RefuseReception(string reason, Actor actor, DateTime now)
    {
        RequireStatus(DossierAction.Refuse, DossierStatus.Draft, DossierStatus.NewlySubmitted, DossierStatus.SupplementRequested);
        if (ReceivedAt is not null || (Status == DossierStatus.Draft && Channel.IsOnline()))
        {
            throw new DomainException("Hồ sơ đã tiếp nhận: hãy đề xuất từ chối giải quyết ở bước xử lý.", ProblemKind.Conflict);
        }

        var text = Required(reason, "reason", "Hãy nêu lý do cụ thể của việc từ chối tiếp nhận.");
        RequireFree(actor);
        var from = Status;
        Status = DossierStatus.NotReceived;
        ClosingReason = text;
        FinishedAt = now;
        LeaveStep();
        Append(DossierAction.Refuse, from, actor, now, text);
    }

    /// <summary>A staff member takes the dossier at its current step; nobody else can act on it until it moves on.</summary>
    public void Take(Actor actor, DateTime now)
    {
        RequireStatus(DossierAction.Take, DossierStatus.NewlySubmitted, DossierStatus.Received, DossierStatus.Processing, DossierStatus.Processed);
        RequireFree(actor);
        if (AssigneeId == actor.Id)
        {
            return;
        }

        var from = Status;
        AssigneeId = actor.Id;
        AssigneeName = actor.Name;
        if (Status == DossierStatus.Received && StepKind is not Domain.StepKind.Reception)
        {
            Status = DossierStatus.Processing;
        }

        Append(DossierAction.Take, from, actor, now, null);
    }

    /// <summary>Hands the dossier to the next step of its process.</summary>
    public void Forward(string? comment, ProcessDefinition process, WorkingCalendar calendar, Actor actor, DateTime now)
    {
        RequireProcessingStep(DossierAction.Forward, actor, now);
        if (StepKind == Domain.StepKind.Approval)
        {
            throw new DomainException("Ở bước phê duyệt, hãy phê duyệt hoặc trả lại bước trước.", ProblemKind.Conflict);
        }

        var next = StepIndex + 1;
        if (process.Steps[next].Kind == Domain.StepKind.Approval && ResultFileKey is null && Outcome != DossierOutcome.Refused)
        {
            throw new DomainException("Chưa có dự thảo kết quả: hãy tải lên hoặc tạo kết quả trước khi trình phê duyệt.", ProblemKind.Conflict);
        }

        Append(DossierAction.Forward, Status, actor, now, Clean(comment), timeliness: StepTimeliness(now));
        EnterStep(process, next, null, calendar, now);
    }

    /// <summary>Returns the dossier to the previous step with a reason; it goes back to whoever handled that step.</summary>
    public void SendBack(string reason, Guid? previousHolderId, string? previousHolderName, ProcessDefinition process, WorkingCalendar calendar, Actor actor, DateTime now)
    {
        RequireProcessingStep(DossierAction.SendBack, actor, now);
        var text = Required(reason, "reason", "Hãy nêu lý do trả lại.");
        if (StepIndex <= 1)
        {
            throw new DomainException("Đây là bước xử lý đầu tiên, không có bước trước để trả lại.", ProblemKind.Conflict);
        }

        Append(DossierAction.SendBack, Status, actor, now, text, timeliness: StepTimeliness(now));
        EnterStep(process, StepIndex - 1, null, calendar, now);
        AssigneeId = previousHolderId;
        AssigneeName = previousHolderName;
    }

    /// <summary>Asks another unit's opinion; the question and its target stay in the history.</summary>
    public void Consult(string unitName, string question, Actor actor, DateTime now)
    {
        RequireProcessingStep(DossierAction.Consult, actor, now);
        var text = Required(question, "comment", "Hãy nêu nội dung xin ý kiến.");
        Append(DossierAction.Consult, Status, actor, now, $"{unitName}: {text}");
    }

    /// <summary>The draft result (or the reasoned refusal) that the leader will approve.</summary>
    public void ProposeResult(StoredFile? result, DossierOutcome outcome, string? comment, Actor actor, DateTime now)
    {
        RequireProcessingStep(DossierAction.ProposeResult, actor, now);
        if (StepKind is not (Domain.StepKind.Processing or Domain.StepKind.Review))
        {
            throw new DomainException("Chỉ dự thảo kết quả ở bước thụ lý hoặc xem xét.", ProblemKind.Conflict);
        }

        if (outcome == DossierOutcome.Refused)
        {
            ClosingReason = Required(comment, "comment", "Hãy nêu lý do từ chối giải quyết.");
        }
        else if (result is null)
        {
            throw new DomainException("Hãy tải lên tệp kết quả (PDF).", ProblemKind.Invalid, "file");
        }

        Outcome = outcome;
        ResultFileKey = result?.Key;
        ResultFileName = result?.FileName;
        Append(DossierAction.ProposeResult, Status, actor, now, outcome == DossierOutcome.Refused ? ClosingReason : Clean(comment), result);
    }

    /// <summary>
    /// Refusal during processing: the reasoned refusal goes straight to the leader's approval step, and the
    /// approved refusal is returned like any result.
    /// </summary>
    public void Refuse(string reason, ProcessDefinition process, WorkingCalendar calendar, Actor actor, DateTime now)
    {
        ProposeResult(null, DossierOutcome.Refused, reason, actor, now);
        var approval = process.Steps.FindIndex(s => s.Kind == Domain.StepKind.Approval);
        Append(DossierAction.Refuse, Status, actor, now, ClosingReason, timeliness: StepTimeliness(now));
        EnterStep(process, approval, null, calendar, now);
    }

    /// <summary>Throws unless <paramref name="actor"/> may approve now: checked before the result is issued, and again by <see cref="Approve"/>.</summary>
    public void RequireApprovable(Actor actor, DateTime now)
    {
        RequireProcessingStep(DossierAction.Approve, actor, now);
        if (StepKind != Domain.StepKind.Approval)
        {
            throw new DomainException("Hồ sơ chưa đến bước phê duyệt.", ProblemKind.Conflict);
        }

        if (ResultFileKey is null && Outcome != DossierOutcome.Refused)
        {
            throw new DomainException("Chưa có dự thảo kết quả để phê duyệt.", ProblemKind.Conflict);
        }
    }

    /// <summary>
    /// The leader approves (signs) the result: the dossier is processed and goes to the return step. A granted
    /// result comes <paramref name="issued"/> as an official document, whose signed and sealed file replaces the draft
    /// (the approval action always issues it; only history imported from paper approvals has none).
    /// </summary>
    public void Approve(string? comment, int? resultValidityMonths, IssuedResult? issued, ProcessDefinition process, WorkingCalendar calendar, Actor actor, DateTime now)
    {
        RequireApprovable(actor, now);
        Outcome ??= DossierOutcome.Granted;
        StoredFile? signed = null;
        if (Outcome == DossierOutcome.Granted && issued is not null)
        {
            (ResultDocumentId, ResultNotation, ResultFileKey) = (issued.DocumentId, issued.Notation, issued.File.Key);
            ResultFileName = issued.File.FileName;
            signed = issued.File;
            comment = (Clean(comment) is { } said ? said.TrimEnd('.') + ". " : "") + $"Ban hành văn bản số {issued.Notation}.";
            if (issued.Letter is { } letter && !LetterDeclined)
            {
                (LetterTitle, LetterFileKey) = (letter.Title, letter.File.Key);
                comment += $" Kèm {letter.Title.ToLowerInvariant()}.";
            }
        }

        var from = Status;
        Status = DossierStatus.Processed;
        FinishedAt = now;
        FinishedTimeliness = Deadlines.Classify(now, OriginalDueAt ?? DueAt ?? now);
        if (Outcome == DossierOutcome.Granted && resultValidityMonths is { } months)
        {
            ResultValidUntil = DateOnly.FromDateTime(VietnamTime.ToLocal(new DateTimeOffset(now, TimeSpan.Zero)).DateTime).AddMonths(months);
        }

        Append(DossierAction.Approve, from, actor, now, Clean(comment), signed, StepTimeliness(now));
        EnterStep(process, process.Steps.Count - 1, ReceivingAgencyId, calendar, now);
    }

    /// <summary>Processing stopped (status 8) with the reason, e.g. the applicant's request or a legal impediment.</summary>
    public void Stop(string reason, Actor actor, DateTime now)
    {
        RequireStatus(DossierAction.Stop, Stoppable);
        RequireFree(actor);
        var text = Required(reason, "reason", "Hãy nêu lý do dừng xử lý.");
        var from = Status;
        Status = DossierStatus.Stopped;
        ClosingReason = text;
        FinishedAt = now;
        LeaveStep();
        Append(DossierAction.Stop, from, actor, now, text);
    }

    /// <summary>Inter-agency transfer (liên thông): another agency or level works on it within the time left, then sends it back.</summary>
    public void Transfer(Guid targetAgencyId, string targetName, string? comment, Actor actor, DateTime now)
    {
        RequireProcessingStep(DossierAction.Transfer, actor, now);
        if (StepKind == Domain.StepKind.Transfer || TransferFromAgencyId is not null)
        {
            throw new DomainException("Hồ sơ đang ở cơ quan liên thông.", ProblemKind.Conflict);
        }

        if (targetAgencyId == StepAgencyId)
        {
            throw new DomainException("Hãy chọn cơ quan khác với cơ quan đang xử lý.", ProblemKind.Invalid, "agencyId");
        }

        Append(DossierAction.Transfer, Status, actor, now, $"Chuyển đến {targetName}" + (Clean(comment) is { } c ? ": " + c : ""), timeliness: StepTimeliness(now));
        TransferFromAgencyId = StepAgencyId;
        TransferReturnIndex = StepIndex;
        TransferredById = actor.Id;
        StepKind = Domain.StepKind.Transfer;
        StepName = "Xử lý liên thông tại " + targetName;
        StepRole = Roles.Specialist;
        StepUnitId = null;
        StepAgencyId = targetAgencyId;
        StepStartedAt = now;
        StepDueAt = DueAt;
        AssigneeId = null;
        AssigneeName = null;
    }

    /// <summary>The agency that received a transfer sends the dossier back, with its opinion, to whoever transferred it.</summary>
    public void ReturnTransfer(string? comment, string? transferrerName, ProcessDefinition process, WorkingCalendar calendar, Actor actor, DateTime now)
    {
        RequireProcessingStep(DossierAction.ReturnTransfer, actor, now);
        if (StepKind != Domain.StepKind.Transfer || TransferReturnIndex is not { } back)
        {
            throw new DomainException("Hồ sơ không ở bước liên thông.", ProblemKind.Conflict);
        }

        var returnTo = TransferredById;
        Append(DossierAction.ReturnTransfer, Status, actor, now, Clean(comment), timeliness: StepTimeliness(now));
        TransferFromAgencyId = null;
        TransferReturnIndex = null;
        TransferredById = null;
        EnterStep(process, back, null, calendar, now);
        AssigneeId = returnTo;
        AssigneeName = transferrerName;
    }

    /// <summary>The late apology (xin lỗi, hẹn lại): a new appointment with the reason; the first one is kept.</summary>
    public void Apologize(DateTime newDueAt, string reason, Actor actor, DateTime now)
    {
        RequireStatus(DossierAction.Apologize, Apologizable);
        if (DueAt is not { } due)
        {
            throw new DomainException("Hồ sơ chưa có ngày hẹn trả.", ProblemKind.Conflict);
        }

        if (newDueAt <= due || newDueAt <= now)
        {
            throw new DomainException("Ngày hẹn mới phải sau ngày hẹn hiện tại.", ProblemKind.Invalid, "newDueAt");
        }

        var text = Required(reason, "reason", "Hãy nêu lý do chậm trễ.");
        OriginalDueAt ??= due;
        DueAt = newDueAt;
        ApologyReason = text;
        Append(DossierAction.Apologize, Status, actor, now, text);
    }

    /// <summary>The applicant withdraws the dossier (status 7) before it is approved.</summary>
    public void Withdraw(string reason, Actor actor, DateTime now)
    {
        RequireStatus(DossierAction.Withdraw, Withdrawable);
        var text = Required(reason, "reason", "Hãy nêu lý do rút hồ sơ.");
        var from = Status;
        Status = DossierStatus.Withdrawn;
        ClosingReason = text;
        FinishedAt = now;
        LeaveStep();
        Append(DossierAction.Withdraw, from, actor, now, text);
    }

    /// <summary>The result reaches the applicant (status 10): signed for at the counter, delivered by post, or made available online.</summary>
    public void Return(ResultDelivery how, string receivedBy, Actor actor, DateTime now)
    {
        RequireStatus(DossierAction.Return, DossierStatus.Processed);
        RequireFree(actor);
        var who = Required(receivedBy, "receivedBy", "Hãy ghi người nhận kết quả.");
        if (how == ResultDelivery.Electronic && Outcome == DossierOutcome.Granted && ResultFileKey is null)
        {
            throw new DomainException("Chưa có tệp kết quả điện tử để trả.", ProblemKind.Conflict);
        }

        Status = DossierStatus.Returned;
        ReturnedAt = now;
        ReturnedTo = who;
        Delivery = how;
        Append(DossierAction.Return, DossierStatus.Processed, actor, now, $"{DossierLabels.Delivery(how)}: {who}", timeliness: StepTimeliness(now));
        LeaveStep();
    }

    /// <summary>Makes a new dossier a member of a linked submission (before it is submitted or received).</summary>
    public void LinkTo(Guid linkedDossierId, int stage, string? inputFrom, string? inputName)
    {
        if (Status != DossierStatus.Draft || LinkedDossierId is not null)
        {
            throw new DomainException("Chỉ hồ sơ mới lập mới gắn vào hồ sơ liên thông.", ProblemKind.Conflict);
        }

        (LinkedDossierId, LinkedStage, LinkedInputFrom, LinkedInputName) = (linkedDossierId, stage, inputFrom, inputName);
    }

    /// <summary>A member of a later stage is waiting for an earlier member's result (a draft of a linked submission).</summary>
    public bool IsWaitingForLink => LinkedDossierId is not null && LinkedStage > 1 && Status == DossierStatus.Draft;

    /// <summary>
    /// The earlier member's result this member waits for arrives: it becomes the document the service names, and the
    /// dossier is received at once, its clock starting now (the whole submission was received with the first stage).
    /// </summary>
    public void StartLinked(StoredFile? input, string code, ProcessDefinition process, WorkingCalendar calendar, Actor actor, DateTime now)
    {
        if (!IsWaitingForLink)
        {
            throw new DomainException("Hồ sơ không chờ kết quả liên thông.", ProblemKind.Conflict);
        }

        if (LinkedInputName is { } name && input is not null)
        {
            var slot = documents.FirstOrDefault(d => d.Name == name && !d.Provided);
            if (slot is null)
            {
                documents.Add(DossierDocument.Create(Id, name, DocumentCopyKind.Copy, 1, true, input, false, now));
            }
            else
            {
                slot.Attach(input, false, now);
            }
        }

        if (Channel.IsOnline())
        {
            startingLinked = true;
            try
            {
                Submit(code, process, 0, calendar, actor, now);
            }
            finally
            {
                startingLinked = false;
            }

            Receive(null, process, calendar, actor, now);
        }
        else
        {
            Receive(code, process, calendar, actor, now);
        }
    }

    /// <summary>A waiting member whose earlier member was refused or closed cannot go on: it is closed with the reason (not received).</summary>
    public void CloseWaiting(string reason, Actor actor, DateTime now)
    {
        if (!IsWaitingForLink)
        {
            throw new DomainException("Hồ sơ không chờ kết quả liên thông.", ProblemKind.Conflict);
        }

        Status = DossierStatus.NotReceived;
        ClosingReason = reason;
        FinishedAt = now;
        Append(DossierAction.Refuse, DossierStatus.Draft, actor, now, reason);
    }

    /// <summary>
    /// A letter produced for a result issued before its procedure had one (the demo's history): as if issued with it,
    /// unless the family declined. No history row: the approval's stays as it was.
    /// </summary>
    public void AttachLetter(IssuedLetter letter)
    {
        if (Status is not (DossierStatus.Processed or DossierStatus.Returned) || Outcome != DossierOutcome.Granted || LetterFileKey is not null || LetterDeclined)
        {
            throw new DomainException("Chỉ lập thư cho kết quả đã cấp, chưa có thư và gia đình không từ chối.", ProblemKind.Conflict);
        }

        (LetterTitle, LetterFileKey) = (letter.Title, letter.File.Key);
        Revision++;
    }

    /// <summary>
    /// The family does not want the greeting or condolence letter: before the result is issued none is produced; after,
    /// it is not handed over or offered. Until the result is returned.
    /// </summary>
    public void DeclineLetter(string? reason, Actor actor, DateTime now)
    {
        if (Status is DossierStatus.Draft or DossierStatus.Returned or DossierStatus.NotReceived or DossierStatus.Withdrawn or DossierStatus.Stopped || LetterDeclined)
        {
            throw new DomainException(LetterDeclined ? "Gia đình đã từ chối nhận thư." : "Hồ sơ không còn ở giai đoạn nhận thư kèm kết quả.", ProblemKind.Conflict);
        }

        LetterDeclined = true;
        LetterFileKey = null;
        LetterTitle = null;
        Revision++;
        Append(DossierAction.DeclineLetter, Status, actor, now, Clean(reason) ?? "Gia đình không nhận thư kèm kết quả.");
    }

    /// <summary>A history row without a status change (shipment updates, pickup requests).</summary>
    public void Note(DossierAction action, string comment, Actor actor, DateTime now) => Append(action, Status, actor, now, comment);

    private void EnterStep(ProcessDefinition process, int index, Guid? agencyId, WorkingCalendar calendar, DateTime now, decimal? hours = null)
    {
        var step = process.Steps[index];
        StepIndex = index;
        StepKind = step.Kind;
        StepName = step.Name;
        StepRole = step.Role;
        StepUnitId = step.UnitId;
        StepAgencyId = agencyId ?? step.AgencyId ?? (step.Kind is Domain.StepKind.Reception or Domain.StepKind.Return ? ReceivingAgencyId : CompetentAgencyId);
        StepStartedAt = now;
        StepDueAt = calendar.AddWorkingTime(new DateTimeOffset(now, TimeSpan.Zero), TimeSpan.FromHours((double)(hours ?? StepHours(process, step, calendar)))).UtcDateTime;
        if (step.Kind == Domain.StepKind.Return && DueAt is { } due && due > StepDueAt)
        {
            StepDueAt = due;
        }

        AssigneeId = null;
        AssigneeName = null;
        Revision++;
    }

    /// <summary>
    /// The working hours a step gets: its own, or on a fast track its share of the shorter limit (the same share of
    /// the whole as in the process), never less than <see cref="FastTracks.FastTrack.MinimumStepHours"/>. The return
    /// step keeps the appointment as its due time.
    /// </summary>
    private decimal StepHours(ProcessDefinition process, ProcessStep step, WorkingCalendar calendar)
    {
        if (FastTrackHours is not { } fast || step.Hours == 0)
        {
            return step.Hours;
        }

        var perDay = (decimal)Deadlines.HoursPerDay(calendar);
        var total = ProcessDefinition.TotalHours(process.TimeLimit, process.TimeLimitUnit, perDay);

        // "The same day": what is left of the working day of reception (or of the next one, received late).
        var shorter = fast > 0 ? fast
            : ReceivedAt is { } received && (OriginalDueAt ?? DueAt) is { } due
                ? (decimal)calendar.WorkingTimeBetween(new DateTimeOffset(received, TimeSpan.Zero), new DateTimeOffset(due, TimeSpan.Zero)).TotalHours
                : perDay;
        return total <= shorter ? step.Hours : Math.Max(FastTracks.FastTrack.MinimumStepHours, Math.Round(step.Hours * shorter / total, 2));
    }

    private void LeaveStep()
    {
        StepKind = null;
        StepName = null;
        StepRole = null;
        StepUnitId = null;
        StepAgencyId = null;
        StepDueAt = null;
        AssigneeId = null;
        AssigneeName = null;
        PausedAt = null;
    }

    private Timeliness? StepTimeliness(DateTime now) => StepDueAt is { } due ? Deadlines.Classify(now, due) : null;

    private void Append(DossierAction action, DossierStatus from, Actor actor, DateTime now, string? comment, StoredFile? file = null, Timeliness? timeliness = null)
    {
        var entry = new DossierEvent
        {
            DossierId = Id,
            At = now,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            FromStatus = from,
            ToStatus = Status,
            StepIndex = StepIndex,
            Revision = Revision + 1,
            StepName = StepName,
            AgencyId = StepAgencyId,
            Comment = comment,
            FileKey = file?.Key,
            FileName = file?.FileName,
            StepDueAt = StepDueAt,
            Timeliness = timeliness,
        };
        history.Add(entry);
        LastAction = action;
        Revision++;
        if (action is not DossierAction.SaveDraft)
        {
            Raise(new DossierActionRecorded(this, entry));
        }
    }

    private void SetApplicant(Applicant applicant)
    {
        var problem = ApplicantRules.Validate(applicant);
        if (problem is not null)
        {
            throw new DomainException(problem.Value.Message, ProblemKind.Invalid, problem.Value.Field);
        }

        Applicant = ApplicantRules.Clean(applicant);
        ApplicantName = Applicant.FullName;
        ApplicantNameFolded = Kernel.Text.VietnameseText.Fold(Applicant.FullName);
    }

    private DossierDocument Document(Guid id) => documents.SingleOrDefault(d => d.Id == id) ?? throw DomainException.NotFound("thành phần hồ sơ");

    private void RequireEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException($"Hồ sơ đang ở trạng thái \"{DossierLabels.Status(Status)}\", không sửa được.", ProblemKind.Conflict);
        }
    }

    private void RequireComplete()
    {
        var missing = MissingDocuments.Select(d => d.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("Còn thiếu thành phần hồ sơ: " + string.Join("; ", missing) + ".", ProblemKind.Invalid, "documents");
        }
    }

    private void RequireStatus(DossierAction action, params DossierStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(
                $"Không thể \"{DossierLabels.Action(action).ToLowerInvariant()}\" khi hồ sơ đang ở trạng thái \"{DossierLabels.Status(Status)}\".", ProblemKind.Conflict);
        }
    }

    /// <summary>Someone else holding the dossier blocks every action but theirs.</summary>
    private void RequireFree(Actor actor)
    {
        if (!IsFreeFor(actor.Id))
        {
            throw new DomainException($"Hồ sơ đang do {AssigneeName} xử lý.", ProblemKind.Conflict);
        }
    }

    /// <summary>
    /// The step's actions are the holder's. An officer whose role fits the step (checked by the caller) and who acts on a
    /// dossier nobody holds takes it with that first action: the history shows both.
    /// </summary>
    private void RequireProcessingStep(DossierAction action, Actor actor, DateTime now)
    {
        if (AssigneeId is null && IsTakeable)
        {
            Take(actor, now);
        }

        RequireStatus(action, DossierStatus.Processing);
        if (AssigneeId != actor.Id)
        {
            throw new DomainException(
                AssigneeId is null ? "Hãy nhận xử lý hồ sơ trước khi thao tác." : $"Hồ sơ đang do {AssigneeName} xử lý.", ProblemKind.Conflict);
        }
    }

    private static string Required(string? value, string field, string message)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException(message, ProblemKind.Invalid, field);
        }

        if (text.Length > 4000)
        {
            throw new DomainException("Nội dung dài tối đa 4.000 ký tự.", ProblemKind.Invalid, field);
        }

        return text;
    }

    private static string? Clean(string? value)
    {
        var text = value?.Trim();
        if (text?.Length > 4000)
        {
            throw new DomainException("Ý kiến dài tối đa 4.000 ký tự.", ProblemKind.Invalid, "comment");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }
}
