using System.Net.Mail;
using System.Text.RegularExpressions;

namespace MotCua.Dossiers.Domain;

/// <summary>
/// What an applicant's details must look like: a name; a 12-digit personal identification number (or a 10- or
/// 13-digit tax code for a business); a Vietnamese phone number (10 digits from 0, or +84); an e-mail address.
/// </summary>
public static partial class ApplicantRules
{
    public static (string Field, string Message)? Validate(Applicant applicant)
    {
        var name = applicant.FullName?.Trim() ?? "";
        if (name.Length is < 2 or > 200 || name.Any(char.IsControl) || name.Contains('<', StringComparison.Ordinal))
        {
            return ("fullName", "Họ và tên người nộp dài từ 2 đến 200 ký tự.");
        }

        if (!string.IsNullOrWhiteSpace(applicant.IdNumber) && !IdNumber().IsMatch(applicant.IdNumber.Trim()))
        {
            return ("idNumber", "Số định danh cá nhân gồm 12 chữ số (mã số thuế doanh nghiệp: 10 hoặc 13 chữ số).");
        }

        if (!string.IsNullOrWhiteSpace(applicant.Phone) && NormalizePhone(applicant.Phone) is null)
        {
            return ("phone", "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84).");
        }

        if (!string.IsNullOrWhiteSpace(applicant.Email) && !IsEmail(applicant.Email.Trim()))
        {
            return ("email", "Địa chỉ thư điện tử không hợp lệ.");
        }

        if ((applicant.Address?.Length ?? 0) > 500)
        {
            return ("address", "Địa chỉ dài tối đa 500 ký tự.");
        }

        return null;
    }

    public static Applicant Clean(Applicant applicant) => new()
    {
        FullName = applicant.FullName.Trim(),
        IdNumber = Blank(applicant.IdNumber),
        Phone = string.IsNullOrWhiteSpace(applicant.Phone) ? null : NormalizePhone(applicant.Phone),
        Email = Blank(applicant.Email),
        Address = Blank(applicant.Address),
    };

    /// <summary>0xxxxxxxxx, from "0912 345 678", "+84912345678" or "84-912-345-678"; null when it is not a phone number.</summary>
    public static string? NormalizePhone(string phone)
    {
        var digits = new string([.. phone.Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-' or '(' or ')'))]);
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        return Phone().IsMatch(digits) ? digits : null;
    }

    /// <summary>"Nguyễn Thị Lan" → "N*** T** L**": enough to recognise one's own dossier, nothing for anyone else.</summary>
    public static string Mask(string fullName) =>
        string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[..1] + new string('*', Math.Max(2, w.Length - 1))));

    /// <summary>"0912345678" → "091****678": the helper and the citizen see where a code went.</summary>
    public static string MaskPhone(string phone) => phone.Length < 7 ? "***" : phone[..3] + new string('*', phone.Length - 6) + phone[^3..];

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(\d{12}|\d{10}|\d{10}-\d{3}|\d{13})$", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"^0[1-9]\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
