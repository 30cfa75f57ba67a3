
namespace MotCua.Feedback.Domain;

/// <summary>The five factors of the SIPAS satisfaction index (Ministry of Home Affairs' method).</summary>
public enum SipasFactor
{
    /// <summary>Tiếp cận dịch vụ: the place, the equipment, the information.</summary>
    Access = 1,

    /// <summary>Thủ tục hành chính: published, as required, fees and time limits as listed.</summary>
    Procedures = 2,

    /// <summary>Công chức giải quyết thủ tục: attitude, guidance, compliance.</summary>
    CivilServants = 3,

    /// <summary>Kết quả giải quyết: correct, complete, on time.</summary>
    Results = 4,

    /// <summary>Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị.</summary>
    FeedbackHandling = 5,
}

public enum QuestionKind
{
    /// <summary>Five levels from very dissatisfied to very satisfied; counts in the index.</summary>
    Scale,

    /// <summary>One of the listed options (how the applicant learnt of the service, how many visits…); shown as a distribution.</summary>
    Choice,
}

/// <summary>One question of a questionnaire. <see cref="Key"/> identifies it in the answers.</summary>
public sealed record SurveyQuestion(string Key, SipasFactor Factor, QuestionKind Kind, string Text, IReadOnlyList<string> Options);

/// <summary>One answer: a level (1–5) to a scale question, or the chosen option of a choice question.</summary>
public sealed record SurveyAnswer(string Key, int? Level, string? Choice);
