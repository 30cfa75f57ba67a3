
namespace MotCua.Feedback;

/// <summary><c>Feedback:RatingDays</c> (30): how long after the return a dossier may be rated; <c>Feedback:ChangeHours</c> (24): how long a rating may be changed.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    public int RatingDays { get; set; } = 30;

    public int ChangeHours { get; set; } = 24;

    /// <summary>Rating requests per client address per minute.</summary>
    public int RatingsPerMinute { get; set; } = 20;

    /// <summary>Requests per desk device per minute (a tablet sends one per rating, or one batch after an outage).</summary>
    public int DeviceRequestsPerMinute { get; set; } = 300;

    /// <summary>Working days an agency has to answer a suggestion or petition.</summary>
    public int PetitionDays { get; set; } = 10;

    /// <summary>The support desk's target: a request for help is answered within this many working days.</summary>
    public int SupportDays { get; set; } = 1;

    /// <summary>Largest attachment of a petition, in bytes.</summary>
    public long PetitionFileBytes { get; set; } = 10 * 1024 * 1024;
}
