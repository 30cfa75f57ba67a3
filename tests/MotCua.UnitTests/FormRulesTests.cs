using MotCua.Catalog.Domain;
using MotCua.Catalog.Forms;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>Issue 22, item 7: forms attached to versions, e-forms checked field by field, form files told by their content.</summary>
public class FormRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static readonly EForm Form = new()
    {
        Title = "Tờ khai thử",
        Fields =
        [
            new EFormField { Key = "ho-ten", Label = "Họ và tên", Required = true },
            new EFormField { Key = "ngay-sinh", Label = "Ngày sinh", Kind = EFormFieldKind.Date, Required = true },
            new EFormField { Key = "so-con", Label = "Số con", Kind = EFormFieldKind.Number },
            new EFormField { Key = "gioi-tinh", Label = "Giới tính", Kind = EFormFieldKind.Choice, Options = ["Nam", "Nữ"] },
            new EFormField { Key = "dinh-danh", Label = "Số định danh", Kind = EFormFieldKind.IdentityNumber },
        ],
    };

    private static Dictionary<string, string?> Values(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void An_e_form_stores_values_in_one_shape_and_prints_them_the_Vietnamese_way()
    {
        var clean = Form.Check(Values(("ho-ten", "  Trần An "), ("ngay-sinh", "20/11/2026"), ("so-con", "1.200"), ("gioi-tinh", "Nữ"), ("dinh-danh", "001190012345")), Today);
        clean.Should().Equal(new Dictionary<string, string>
        {
            ["ho-ten"] = "Trần An", ["ngay-sinh"] = "2026-11-20", ["so-con"] = "1200", ["gioi-tinh"] = "Nữ", ["dinh-danh"] = "001190012345",
        });
        EForm.Display(Form.Fields[1], clean["ngay-sinh"]).Should().Be("20/11/2026");
        EForm.Display(Form.Fields[2], clean["so-con"]).Should().Be("1.200");
        Form.Check(Values(("ho-ten", "An"), ("ngay-sinh", "2026-11-20")), Today).Keys.Should().BeEquivalentTo(["ho-ten", "ngay-sinh"], "empty optional fields are left out");
    }

    [Theory]
    [InlineData("ho-ten", "", "Hãy điền “Họ và tên”")]
    [InlineData("ngay-sinh", "31/02/2026", "phải là một ngày")]
    [InlineData("ngay-sinh", "1899-12-31", "phải là một ngày")]
    [InlineData("so-con", "-1", "số không âm")]
    [InlineData("so-con", "hai", "số không âm")]
    [InlineData("gioi-tinh", "Khác", "Hãy chọn một phương án")]
    [InlineData("dinh-danh", "00119001234", "12 chữ số")]
    [InlineData("ho-ten", "Dòng một\nDòng hai", "trên một dòng")]
    public void A_wrong_value_is_refused_at_its_field(string key, string value, string message)
    {
        var values = Values(("ho-ten", "Trần An"), ("ngay-sinh", "2026-11-20"));
        values[key] = value;
        var refused = FluentActions.Invoking(() => Form.Check(values, Today)).Should().Throw<DomainException>().Which;
        refused.Message.Should().Contain(message);
        refused.Field.Should().Be("f-" + key);
    }

    [Fact]
    public void A_definition_with_clashing_or_unsafe_keys_is_refused_by_the_version()
    {
        (Form with { Fields = [.. Form.Fields, new EFormField { Key = "ho-ten", Label = "Lần nữa" }] }).Problem().Should().Contain("không được trùng");
        (Form with { Fields = [new EFormField { Key = "Họ tên", Label = "Họ tên" }] }).Problem().Should().Contain("mã gồm chữ thường");
        (Form with { Fields = [new EFormField { Key = "a", Label = "A", Kind = EFormFieldKind.Choice, Options = ["Một"] }] }).Problem().Should().Contain("hai phương án");
        var content = new ProcedureContent { Name = "Thủ tục", Documents = [new RequiredDocument { Name = "Tờ khai", EForm = Form with { Title = "" } }] };
        Procedure.ValidateContent(content).Should().Contain("Biểu mẫu điện tử cần tiêu đề");
    }

    [Fact]
    public void A_form_goes_only_on_a_draft_and_the_next_version_keeps_it_by_name_but_never_a_key_written_in_the_content()
    {
        var content = new ProcedureContent { Name = "Thủ tục thử", Documents = [new RequiredDocument { Name = "Đơn đề nghị" }, new RequiredDocument { Name = "Bản sao" }] };
        var procedure = Procedure.Create("9.000001", ApplicantTypes.Citizen, 0, false, content, "test", Now);
        var form = new FormTemplate("abc", "don.docx", FormTemplate.Docx, 1000);
        procedure.AttachTemplate(1, 0, form, Now);
        FluentActions.Invoking(() => procedure.AttachTemplate(1, 2, form, Now)).Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.NotFound);
        procedure.Publish(1, Today, Now);
        FluentActions.Invoking(() => procedure.AttachTemplate(1, 0, null, Now)).Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);

        var forged = new FormTemplate("a-citizen-upload", "x.pdf", "application/pdf", 10);
        var next = procedure.AddVersion(content with { Documents = [new RequiredDocument { Name = "Đơn đề nghị" }, new RequiredDocument { Name = "Bản sao", Template = forged }] }, "test", Now);
        next.Content.Documents[0].Template.Should().Be(form, "kept by the document's name");
        next.Content.Documents[1].Template.Should().BeNull("a key written in the content could name any stored file");
        procedure.Versions.Single(v => v.Number == 1).Content.Documents[0].Template.Should().Be(form, "the published version is untouched");
    }

    [Fact]
    public void A_form_file_is_a_complete_PDF_or_a_Word_document_without_macros()
    {
        var pdf = EFormPdf.Render(Form, null, new EFormPrint(null, null, null, null, "Mẫu"));
        FileTypes.FormType(pdf).Should().Be("application/pdf");
        FileTypes.FormType(pdf[..(pdf.Length / 2)]).Should().BeNull("a truncated PDF");
        FileTypes.FormType(Zip("[Content_Types].xml", "word/document.xml")).Should().Be(FileTypes.Docx);
        FileTypes.FormType(Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")).Should().BeNull("a macro-enabled document");
        FileTypes.FormType(Zip("[Content_Types].xml", "xl/workbook.xml")).Should().BeNull("a spreadsheet");
        FileTypes.FormType("PK\u0003\u0004 broken"u8.ToArray()).Should().BeNull();
        FileTypes.FormType("MZ"u8.ToArray()).Should().BeNull();
    }

    [Theory]
    [InlineData("Tờ khai thay đổi thông tin cư trú (mẫu CT01)", true)]
    [InlineData("Đơn đề nghị cấp giấy phép", true)]
    [InlineData("Giấy đề nghị đăng ký hộ kinh doanh", true)]
    [InlineData("Danh sách lao động tham gia BHXH, BHYT, BHTN (mẫu D02-LT)", true)]
    [InlineData("Giấy chứng sinh", false)]
    [InlineData("Bản sao giấy tờ tùy thân", false)]
    [InlineData("Không yêu cầu giấy tờ (thông tin lấy từ Cơ sở dữ liệu quốc gia về dân cư)", false)]
    public void The_demo_knows_a_form_by_its_name(string name, bool isForm) => DemoForms.IsForm(name).Should().Be(isForm);

    private static byte[] Zip(params string[] names)
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return output.ToArray();
    }
}
