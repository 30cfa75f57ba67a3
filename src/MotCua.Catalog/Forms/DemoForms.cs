using System.Text.RegularExpressions;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Catalog.Forms;

/// <summary>
/// The demo's form templates: which documents of a checklist are forms, and a blank printable layout for each (the
/// e-form's own fields, or the fields every application form asks). A real installation attaches the official files.
/// </summary>
public static partial class DemoForms
{
    private static readonly EForm Generic = new()
    {
        Title = "",
        Fields =
        [
            new EFormField { Key = "ho-ten", Label = "Họ, chữ đệm và tên", Section = "Thông tin người đề nghị" },
            new EFormField { Key = "ngay-sinh", Label = "Ngày, tháng, năm sinh", Kind = EFormFieldKind.Date },
            new EFormField { Key = "so-dinh-danh", Label = "Số định danh cá nhân", Kind = EFormFieldKind.IdentityNumber },
            new EFormField { Key = "noi-cu-tru", Label = "Nơi cư trú", Kind = EFormFieldKind.Address },
            new EFormField { Key = "dien-thoai", Label = "Số điện thoại" },
            new EFormField { Key = "noi-dung", Label = "Nội dung đề nghị", Kind = EFormFieldKind.LongText, Section = "Nội dung" },
        ],
    };

    /// <summary>Whether a document of a checklist is a form to fill (tờ khai, đơn, giấy đề nghị, thông báo, a named "mẫu").</summary>
    public static bool IsForm(string documentName)
    {
        var folded = VietnameseText.Fold(documentName);
        return FormStart().IsMatch(folded) || folded.Contains("(mau ", StringComparison.Ordinal);
    }

    /// <summary>The blank form as a PDF: the e-form's fields when it has one, else the common fields.</summary>
    public static byte[] Blank(string documentName, EForm? form)
    {
        var symbol = Symbol().Match(documentName) is { Success: true } m ? "Mẫu " + m.Groups[1].Value : null;
        var title = Symbol().Replace(documentName, "").Trim();
        var printed = form ?? Generic with { Title = title, Symbol = symbol };
        return EFormPdf.Render(printed, null, new EFormPrint(null, null, null, null,
            "Mẫu minh họa của bản trình diễn MotCua, dựng theo bố cục mẫu " + (printed.Symbol ?? title)
            + ". Khi triển khai, cơ quan đính kèm tệp mẫu ban hành kèm văn bản quy định."));
    }

    [GeneratedRegex(@"^(to khai|don |de nghi|giay de nghi|giay khai|thong bao|ban khai|phieu )", RegexOptions.CultureInvariant)]
    private static partial Regex FormStart();

    [GeneratedRegex(@"\((?:mẫu|mẫu số)\s+([^)]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();
}
