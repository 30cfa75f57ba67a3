namespace MotCua.Documents.Domain;

/// <summary>The Vietnamese names of document statuses and urgency levels, as pages and registers print them.</summary>
public static class DocumentLabels
{
    public static IReadOnlyList<(Urgency Value, string Name)> Urgencies { get; } =
        [(Domain.Urgency.Normal, "Thường"), (Domain.Urgency.Urgent, "Khẩn"), (Domain.Urgency.VeryUrgent, "Thượng khẩn"), (Domain.Urgency.Flash, "Hỏa tốc")];

    public static string UrgencyName(Urgency urgency) => Urgencies.First(u => u.Value == urgency).Name;

    public static IReadOnlyList<(Confidentiality Value, string Name)> Confidentialities { get; } =
    [
        (Domain.Confidentiality.Normal, "Thường"), (Domain.Confidentiality.Confidential, "Mật"), (Domain.Confidentiality.Secret, "Tối mật"),
        (Domain.Confidentiality.TopSecret, "Tuyệt mật"),
    ];

    public static string ConfidentialityName(Confidentiality value) => Confidentialities.First(c => c.Value == value).Name;

    public static string StatusName(DocumentStatus status) => status switch
    {
        DocumentStatus.Registered => "Đã vào sổ",
        DocumentStatus.Draft => "Dự thảo",
        DocumentStatus.Issued => "Đã ban hành",
        DocumentStatus.Arrived => "Mới đến (liên thông), chờ vào sổ",
        DocumentStatus.Directed => "Đang xử lý",
        DocumentStatus.Finished => "Đã xử lý xong",
        DocumentStatus.Rejected => "Đã trả lại",
        DocumentStatus.Withdrawn => "Cơ quan gửi đã thu hồi",
        _ => status.ToString(),
    };

    /// <summary>What an arrival does to one received before, as the register labels it.</summary>
    public static string AmendmentName(Amendment amendment) => amendment == Amendment.Update ? "Bản cập nhật" : "Văn bản thay thế";

    public static string CopyName(CopyKind kind) => kind switch
    {
        CopyKind.Exact => "Sao y",
        CopyKind.FromCopy => "Sao lục",
        _ => "Trích sao",
    };
}
