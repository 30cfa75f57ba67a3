using MotCua.Catalog.Domain;
using MotCua.Kernel.Ui;

namespace MotCua.Catalog.Portal;

/// <summary>How a way of submitting is said to citizens: its name, its time limit and its fee.</summary>
public static class MethodLabels
{
    public static string Method(SubmissionMethod method) => method switch
    {
        SubmissionMethod.InPerson => "Trực tiếp",
        SubmissionMethod.Online => "Trực tuyến",
        _ => "Bưu chính",
    };

    public static string TimeLimit(MethodDetail m) => m.TimeLimit is not { } t ? "—" : m.TimeLimitUnit switch
    {
        TimeLimitUnit.WorkingHours => $"{t:0.#} giờ làm việc",
        TimeLimitUnit.Days => $"{t:0.#} ngày",
        _ => t == 0 ? "Trong ngày" : $"{t:0.#} ngày làm việc",
    };

    public static string Fee(MethodDetail m) =>
        m.FeeText ?? (m.FeeAmount is { } a ? (a == 0 ? "Không mất phí" : a.ToString("#,0", Display.Vietnamese) + " đồng") : "—");
}
