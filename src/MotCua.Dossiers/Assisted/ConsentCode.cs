using System.Security.Cryptography;
using System.Text;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.Assisted;

/// <summary>
/// A one-time code sent to a citizen's phone so that they confirm, by reading it back, that a helper may submit online
/// for them. Only its hash is kept; it lasts <see cref="ValidMinutes"/>, allows <see cref="MaxAttempts"/> wrong tries
/// and confirms one submission.
/// </summary>
public sealed class ConsentCode
{
    public const int ValidMinutes = 10;
    public const int MaxAttempts = 5;

    private ConsentCode()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The phone it was sent to (normalised, 10 digits).</summary>
    public string Phone { get; private init; } = "";

    public string CodeHash { get; private init; } = "";

    public Guid HelperId { get; private init; }

    public string ProcedureCode { get; private init; } = "";

    public DateTime CreatedAt { get; private init; }

    public DateTime ExpiresAt { get; private init; }

    public int Attempts { get; private set; }

    /// <summary>The dossier the code confirmed, once used.</summary>
    public Guid? DossierId { get; private set; }

    public DateTime? UsedAt { get; private set; }

    /// <summary>A new code for <paramref name="phone"/>; the digits go to the citizen and are not kept.</summary>
    public static (ConsentCode Code, string Digits) Issue(string phone, Guid helperId, string procedureCode, DateTime now)
    {
        var digits = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = Ids.New();
        return (new ConsentCode
        {
            Id = id, Phone = phone, CodeHash = Hash(id, digits), HelperId = helperId, ProcedureCode = procedureCode, CreatedAt = now, ExpiresAt = now.AddMinutes(ValidMinutes),
        }, digits);
    }

    /// <summary>
    /// Uses the code for a submission by the helper who asked for it, to the phone it went to. A wrong code counts
    /// against <see cref="MaxAttempts"/> (the caller saves that even though it refuses the submission); false then.
    /// </summary>
    public bool TryUse(string? digits, string phone, Guid helperId, DateTime now)
    {
        if (DossierId is not null || UsedAt is not null)
        {
            throw new DomainException("Mã xác nhận này đã được dùng cho một hồ sơ khác; hãy gửi mã mới.", ProblemKind.Conflict, "consentCode");
        }

        if (now > ExpiresAt)
        {
            throw new DomainException($"Mã xác nhận đã hết hạn ({ValidMinutes} phút); hãy gửi mã mới.", ProblemKind.Invalid, "consentCode");
        }

        if (Attempts >= MaxAttempts)
        {
            throw new DomainException("Đã nhập sai mã quá nhiều lần; hãy gửi mã mới.", ProblemKind.Invalid, "consentCode");
        }

        if (helperId != HelperId || phone != Phone)
        {
            throw new DomainException("Mã xác nhận được gửi tới số điện thoại khác với số của người nộp; hãy gửi mã tới số đã nhập.", ProblemKind.Invalid, "consentCode");
        }

        var given = new string((digits ?? "").Where(char.IsAsciiDigit).ToArray());
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(Id, given)), Encoding.ASCII.GetBytes(CodeHash)))
        {
            Attempts++;
            return false;
        }

        UsedAt = now;
        return true;
    }

    public void Confirmed(Guid dossierId) => DossierId = dossierId;

    private static string Hash(Guid id, string digits) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id.ToString("N") + ":" + digits)));
}
