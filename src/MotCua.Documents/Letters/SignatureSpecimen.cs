
namespace MotCua.Documents.Letters;

/// <summary>
/// An official's specimen signature (chữ ký mẫu): the image printed on the greeting and condolence letters they send
/// with results. The digital signature on the result itself is their certificate's; this is only the picture.
/// </summary>
public sealed class SignatureSpecimen
{
    public Guid UserId { get; init; }

    public string ImageKey { get; set; } = "";

    public string ContentType { get; set; } = "";

    public DateTime UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";
}
