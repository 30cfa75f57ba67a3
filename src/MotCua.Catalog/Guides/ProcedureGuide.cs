using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Catalog.Guides;

/// <summary>The step-by-step guide to doing a procedure online, written by administrators.</summary>
public sealed class ProcedureGuide
{
    public const int MaxSteps = 20;

    public Guid Id { get; init; } = Ids.New();

    public Guid ProcedureId { get; init; }

    public List<GuideStep> Steps { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public static void Validate(IReadOnlyList<GuideStep> steps)
    {
        if (steps.Count > MaxSteps)
        {
            throw new DomainException($"Hướng dẫn tối đa {MaxSteps} bước.", ProblemKind.Invalid, "steps");
        }

        foreach (var (step, i) in steps.Select((s, i) => (s, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(step.Title) || step.Title.Length > 200 || step.Text?.Length > 2000)
            {
                throw new DomainException($"Bước {i}: cần tiêu đề (tối đa 200 ký tự) và nội dung tối đa 2.000 ký tự.", ProblemKind.Invalid, "steps");
            }

            if (step.ImageKey is { } key && (key.Length != 64 || !key.All(Uri.IsHexDigit)))
            {
                throw new DomainException($"Bước {i}: ảnh không hợp lệ.", ProblemKind.Invalid, "steps");
            }
        }
    }
}

/// <summary>One step of a guide: a title, what to do, and optionally a screenshot (a stored image's key).</summary>
public sealed record GuideStep(string Title, string? Text, string? ImageKey);
