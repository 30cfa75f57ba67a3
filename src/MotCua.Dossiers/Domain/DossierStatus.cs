namespace MotCua.Dossiers.Domain;

/// <summary>
/// The statuses of the national portal (domain.md), with their numbers; <see cref="Draft"/> is ours, for online
/// dossiers not yet submitted. Overdue is not a status but a flag computed from the due times.
/// </summary>
public enum DossierStatus
{
    Draft = 0,
    NewlySubmitted = 1,
    Received = 2,
    NotReceived = 3,
    Processing = 4,
    SupplementRequested = 5,
    FeesToPay = 6,
    Withdrawn = 7,
    Stopped = 8,
    Processed = 9,
    Returned = 10,
}

/// <summary>
/// How the dossier came: 1 in person, 2 online, 3 postal (national portal numbering), and 4, ours: online on behalf of
/// a consenting citizen at a desk or a help point. The national portal knows no 4; its sync sends it as online (2),
/// and the online rate counts it as online while statistics show it apart (<see cref="DossierChannels.IsOnline"/>).
/// </summary>
public enum DossierChannel
{
    InPerson = 1,
    Online = 2,
    Postal = 3,
    AssistedOnline = 4,
}

public static class DossierChannels
{
    /// <summary>Submitted through the online service, by the citizen or with help: received from the desk's queue, counted as online.</summary>
    public static bool IsOnline(this DossierChannel channel) => channel is DossierChannel.Online or DossierChannel.AssistedOnline;

    /// <summary>The channels counted as online, for queries.</summary>
    public static IReadOnlyList<DossierChannel> Online { get; } = [DossierChannel.Online, DossierChannel.AssistedOnline];
}

/// <summary>How a citizen consented to an assisted online submission.</summary>
public enum AssistConsent
{
    /// <summary>A one-time code sent to the citizen's phone, read back to the helper.</summary>
    OneTimeCode = 1,

    /// <summary>The citizen's signature on the printed confirmation slip, kept at the help point.</summary>
    SignedSlip = 2,
}

/// <summary>How the applicant receives the result.</summary>
public enum ResultDelivery
{
    Counter,
    Postal,
    Electronic,
}

/// <summary>What a process step is for; decides which actions it offers.</summary>
public enum StepKind
{
    Reception,
    Processing,
    Review,
    Approval,
    Transfer,
    Return,
}

/// <summary>What was done to a dossier: one row of its history each.</summary>
public enum DossierAction
{
    SaveDraft,
    Submit,
    Receive,
    RequestSupplement,
    Resubmit,
    Refuse,
    Take,
    Forward,
    SendBack,
    Consult,
    ProposeResult,
    Approve,
    Stop,
    Transfer,
    ReturnTransfer,
    Apologize,
    Withdraw,
    Return,
    Ship,
    ShipmentUpdate,
    PickupRequest,
    DeclineLetter,
}

/// <summary>What the competent agency decided.</summary>
public enum DossierOutcome
{
    Granted,
    Refused,
}

/// <summary>When a dossier or a hand-off finished relative to its due time (domain.md: before/on time/late).</summary>
public enum Timeliness
{
    Early,
    OnTime,
    Late,
}
