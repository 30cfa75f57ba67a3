using System.Text.RegularExpressions;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

public static partial class Sipas
{
    public static IReadOnlyList<(SipasFactor Factor, string Name)> Factors { get; } =
    [
        (SipasFactor.Access, "Tiếp cận dịch vụ"),
        (SipasFactor.Procedures, "Thủ tục hành chính"),
        (SipasFactor.CivilServants, "Công chức giải quyết thủ tục hành chính"),
        (SipasFactor.Results, "Kết quả giải quyết thủ tục hành chính"),
        (SipasFactor.FeedbackHandling, "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị"),
    ];

    /// <summary>The answer scale, 1 to 5; 4 and 5 count as satisfied.</summary>
    public static IReadOnlyList<string> Scale { get; } = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

    public const int SatisfiedFrom = 4;

    public const int MaxQuestions = 60;

    public static string FactorName(SipasFactor factor) => Factors.FirstOrDefault(f => f.Factor == factor).Name ?? factor.ToString();

    /// <summary>A starting questionnaire: the usual criteria of each factor, for the administrator to adapt.</summary>
    public static IReadOnlyList<SurveyQuestion> DefaultQuestions { get; } =
    [
        new("tc1", SipasFactor.Access, QuestionKind.Scale, "Nơi ngồi chờ giải quyết thủ tục có đủ chỗ ngồi", []),
        new("tc2", SipasFactor.Access, QuestionKind.Scale, "Trang thiết bị phục vụ người dân, tổ chức đầy đủ", []),
        new("tc3", SipasFactor.Access, QuestionKind.Scale, "Trang thiết bị hiện đại, dễ sử dụng", []),
        new("tc4", SipasFactor.Access, QuestionKind.Choice, "Ông/Bà biết thông tin về thủ tục qua kênh nào?",
            ["Cổng dịch vụ công, trang thông tin điện tử", "Niêm yết tại nơi tiếp nhận", "Người thân, bạn bè", "Mạng xã hội", "Khác"]),
        new("tt1", SipasFactor.Procedures, QuestionKind.Scale, "Thủ tục được niêm yết công khai đầy đủ, chính xác", []),
        new("tt2", SipasFactor.Procedures, QuestionKind.Scale, "Thành phần hồ sơ phải nộp đúng quy định", []),
        new("tt3", SipasFactor.Procedures, QuestionKind.Scale, "Phí, lệ phí phải nộp đúng quy định", []),
        new("tt4", SipasFactor.Procedures, QuestionKind.Scale, "Thời hạn giải quyết đúng quy định", []),
        new("cc1", SipasFactor.CivilServants, QuestionKind.Scale, "Công chức có thái độ giao tiếp lịch sự", []),
        new("cc2", SipasFactor.CivilServants, QuestionKind.Scale, "Công chức chú ý lắng nghe ý kiến của Ông/Bà", []),
        new("cc3", SipasFactor.CivilServants, QuestionKind.Scale, "Công chức hướng dẫn tận tình, chu đáo, dễ hiểu", []),
        new("cc4", SipasFactor.CivilServants, QuestionKind.Scale, "Công chức tuân thủ đúng quy định", []),
        new("kq1", SipasFactor.Results, QuestionKind.Scale, "Kết quả giải quyết đúng quy định", []),
        new("kq2", SipasFactor.Results, QuestionKind.Scale, "Kết quả có thông tin đầy đủ, chính xác", []),
        new("kq3", SipasFactor.Results, QuestionKind.Choice, "Ông/Bà phải đi lại bao nhiêu lần để hoàn thành thủ tục?", ["1 lần", "2 lần", "3 lần", "Trên 3 lần"]),
        new("gy1", SipasFactor.FeedbackHandling, QuestionKind.Scale, "Cơ quan bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị", []),
        new("gy2", SipasFactor.FeedbackHandling, QuestionKind.Scale, "Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý tích cực", []),
        new("gy3", SipasFactor.FeedbackHandling, QuestionKind.Scale, "Góp ý, phản ánh, kiến nghị được phản hồi kịp thời", []),
    ];

    /// <summary>Checks and trims a questionnaire: keys unique and simple, texts present, options only where chosen from.</summary>
    public static IReadOnlyList<SurveyQuestion> Validate(IReadOnlyList<SurveyQuestion>? questions)
    {
        if (questions is null || questions.Count == 0 || questions.Count > MaxQuestions)
        {
            throw new DomainException($"Phiếu khảo sát cần từ 1 đến {MaxQuestions} câu hỏi.", ProblemKind.Invalid, "questions");
        }

        var checkedQuestions = new List<SurveyQuestion>();
        foreach (var (q, i) in questions.Select((q, i) => (q, i + 1)))
        {
            var key = q.Key?.Trim().ToLowerInvariant() ?? "";
            if (!KeyPattern().IsMatch(key))
            {
                throw new DomainException($"Câu {i}: mã câu hỏi gồm 1–20 chữ thường không dấu, số hoặc gạch ngang.", ProblemKind.Invalid, "questions");
            }

            if (checkedQuestions.Any(c => c.Key == key))
            {
                throw new DomainException($"Câu {i}: mã \"{key}\" bị trùng.", ProblemKind.Invalid, "questions");
            }

            if (!Enum.IsDefined(q.Factor) || !Enum.IsDefined(q.Kind))
            {
                throw new DomainException($"Câu {i}: yếu tố hoặc loại câu hỏi không hợp lệ.", ProblemKind.Invalid, "questions");
            }

            var text = q.Text?.Trim() ?? "";
            if (text.Length is 0 or > 500)
            {
                throw new DomainException($"Câu {i}: hãy nhập nội dung câu hỏi (tối đa 500 ký tự).", ProblemKind.Invalid, "questions");
            }

            var options = (q.Options ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToList();
            if (q.Kind == QuestionKind.Choice
                && (options.Count is < 2 or > 10 || options.Any(o => o.Length > 200) || options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count))
            {
                throw new DomainException($"Câu {i}: câu hỏi lựa chọn cần 2–10 phương án khác nhau (mỗi phương án tối đa 200 ký tự).", ProblemKind.Invalid, "questions");
            }

            checkedQuestions.Add(new SurveyQuestion(key, q.Factor, q.Kind, text, q.Kind == QuestionKind.Choice ? options : []));
        }

        if (!checkedQuestions.Any(q => q.Kind == QuestionKind.Scale))
        {
            throw new DomainException("Phiếu cần ít nhất một câu hỏi theo thang mức độ hài lòng.", ProblemKind.Invalid, "questions");
        }

        return checkedQuestions;
    }

    /// <summary>Checks one response against the questions: known keys, levels 1–5, listed options; every scale question answered once at most.</summary>
    public static IReadOnlyList<SurveyAnswer> CheckAnswers(IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<SurveyAnswer>? answers)
    {
        var result = new List<SurveyAnswer>();
        foreach (var answer in answers ?? [])
        {
            var question = questions.FirstOrDefault(q => q.Key == answer.Key)
                ?? throw new DomainException($"Câu hỏi \"{answer.Key}\" không có trong phiếu.", ProblemKind.Invalid, "answers");
            if (result.Any(r => r.Key == question.Key))
            {
                throw new DomainException($"Câu \"{question.Text}\" được trả lời hai lần.", ProblemKind.Invalid, "answers");
            }

            if (question.Kind == QuestionKind.Scale)
            {
                if (answer.Level is null)
                {
                    continue;
                }

                if (answer.Level is < 1 or > 5)
                {
                    throw new DomainException("Mức độ hài lòng từ 1 đến 5.", ProblemKind.Invalid, "answers");
                }

                result.Add(new SurveyAnswer(question.Key, answer.Level, null));
            }
            else if (answer.Choice is { Length: > 0 } choice)
            {
                var option = question.Options.FirstOrDefault(o => o == choice.Trim())
                    ?? throw new DomainException($"Phương án \"{choice}\" không có trong câu \"{question.Text}\".", ProblemKind.Invalid, "answers");
                result.Add(new SurveyAnswer(question.Key, null, option));
            }
        }

        if (!result.Any(r => r.Level is not null))
        {
            throw new DomainException("Hãy trả lời ít nhất một câu về mức độ hài lòng.", ProblemKind.Invalid, "answers");
        }

        return result;
    }

    /// <summary>
    /// The index: for each scale question the share of its answers that are satisfied or very satisfied; for each
    /// factor the mean of its questions' shares; overall the mean of the factors' indexes; and the response rate.
    /// </summary>
    public static SipasResult Compute(IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<IReadOnlyList<SurveyAnswer>> responses, int invited)
    {
        // Means are taken of the unrounded shares; only what is shown is rounded (to four places).
        var shares = new Dictionary<string, double>();
        var perQuestion = questions.Select(q =>
        {
            var answers = responses.SelectMany(r => r).Where(a => a.Key == q.Key).ToList();
            if (q.Kind == QuestionKind.Scale)
            {
                var counts = Enumerable.Range(1, 5).Select(level => new OptionCount(Scale[level - 1], answers.Count(a => a.Level == level))).ToList();
                if (answers.Count > 0)
                {
                    shares[q.Key] = (double)answers.Count(a => a.Level >= SatisfiedFrom) / answers.Count;
                }

                return new QuestionResult(q.Key, q.Factor, q.Kind, q.Text, answers.Count, counts, shares.TryGetValue(q.Key, out var share) ? Round(share) : null);
            }

            return new QuestionResult(q.Key, q.Factor, q.Kind, q.Text, answers.Count, [.. q.Options.Select(o => new OptionCount(o, answers.Count(a => a.Choice == o)))], null);
        }).ToList();

        var factorIndexes = Factors.Select(f =>
        {
            var indexes = questions.Where(q => q.Factor == f.Factor && shares.ContainsKey(q.Key)).Select(q => shares[q.Key]).ToList();
            return (f.Factor, f.Name, Index: indexes.Count == 0 ? (double?)null : indexes.Average());
        }).ToList();
        var measured = factorIndexes.Where(f => f.Index is not null).Select(f => f.Index!.Value).ToList();
        return new SipasResult(
            measured.Count == 0 ? null : Round(measured.Average()), [.. factorIndexes.Select(f => new FactorResult(f.Factor, f.Name, f.Index is { } i ? Round(i) : null))],
            perQuestion, invited, responses.Count, invited == 0 ? null : Round((double)responses.Count / invited));
    }

    private static double Round(double value) => Math.Round(value, 4);

    [GeneratedRegex("^[a-z0-9-]{1,20}$")]
    private static partial Regex KeyPattern();
}

public sealed record OptionCount(string Option, int Count);

public sealed record QuestionResult(string Key, SipasFactor Factor, QuestionKind Kind, string Text, int Answered, IReadOnlyList<OptionCount> Counts, double? Index);

public sealed record FactorResult(SipasFactor Factor, string Name, double? Index);

/// <summary>The survey's index overall and per factor (0–1, the share satisfied), each question's answers, and the response rate.</summary>
public sealed record SipasResult(double? Index, IReadOnlyList<FactorResult> Factors, IReadOnlyList<QuestionResult> Questions, int Invited, int Responses, double? ResponseRate);
