using System.Text;
using MotCua.Kernel.Problems;
using MotCua.Notifications.Domain;
using MotCua.Notifications.Licences;
using MotCua.Notifications.Templates;

namespace MotCua.UnitTests;

/// <summary>Templates and their placeholders, preferences and quiet hours, retries, licence reminder offsets and licence lists.</summary>
public sealed class NotificationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);

    private static readonly EventInfo Received = NotificationEvents.Of(NotificationEvent.DossierReceived);

    [Fact]
    public void Placeholders_are_replaced_braces_escaped_and_unknown_names_refused_with_the_list_of_known_ones()
    {
        TemplateText.Placeholders("Hồ sơ {ma_ho_so}, hẹn {ngay_hen_tra}; {ma_ho_so} {{x}}").Should().Equal("ma_ho_so", "ngay_hen_tra");
        TemplateText.Render("Hồ sơ {ma_ho_so}: {{giữ nguyên}} {khong_co}", new Dictionary<string, string> { ["ma_ho_so"] = "A-1" }).Should().Be("Hồ sơ A-1: {giữ nguyên} ");
        TemplateText.Problem("Hồ sơ {ma_ho_so} hẹn {ngay_hen_tra}", Received).Should().BeNull();
        TemplateText.Problem("Chào {ho_ten}, {ly_do}", Received).Should().Contain("{ho_ten}").And.Contain("{ly_do}").And.Contain("{nguoi_nop}");
        TemplateText.Problem("Hồ sơ {ma_ho_so", Received).Should().Contain("ngoặc nhọn");
        TemplateText.Problem("Hồ sơ {Ma_Ho_So}", Received).Should().Contain("ngoặc nhọn", "names are lower case");
        TemplateText.Problem("{{ đúng }}", Received).Should().BeNull();
    }

    [Fact]
    public void Html_gets_encoded_values_paragraphs_and_clickable_links()
    {
        TemplateText.Render("<b>{nguoi_nop}</b>", new Dictionary<string, string> { ["nguoi_nop"] = "<script>x</script>" }, html: true)
            .Should().Be("<b>&lt;script&gt;x&lt;/script&gt;</b>");
        TemplateText.HtmlOf("Dòng 1\nDòng 2\n\nXem https://a.vn/tra-cuu/X?y=1 nhé")
            .Should().Be("<p>Dòng 1<br>\nDòng 2</p>\n<p>Xem <a href=\"https://a.vn/tra-cuu/X?y=1\">https://a.vn/tra-cuu/X?y=1</a> nhé</p>\n");
    }

    [Fact]
    public void Every_built_in_template_uses_only_its_events_placeholders()
    {
        foreach (var info in NotificationEvents.All)
        {
            foreach (var channel in DefaultTemplates.Editable)
            {
                var template = DefaultTemplates.For(info.Event, channel);
                TemplateText.Problem(template.Subject, info).Should().BeNull($"{info.Event} {channel}");
                TemplateText.Problem(template.Text, info).Should().BeNull($"{info.Event} {channel}");
                var preview = TemplateAdmin.Preview(info.Event, channel, new TemplateInput(template.Subject, template.Text, null));
                preview.Text.Should().NotContain("{").And.NotBeEmpty();
            }
        }
    }

    [Fact]
    public void Templates_are_refused_without_subject_too_long_or_with_html_outside_email()
    {
        var act = () => TemplateAdmin.Preview(NotificationEvent.DossierReceived, NotificationChannel.Email, new TemplateInput(null, "Nội dung", null));
        act.Should().Throw<DomainException>().WithMessage("Hãy nhập tiêu đề.");
        act = () => TemplateAdmin.Preview(NotificationEvent.DossierReceived, NotificationChannel.Sms, new TemplateInput(null, new string('a', 481), null));
        act.Should().Throw<DomainException>().WithMessage("*480 ký tự*");
        act = () => TemplateAdmin.Preview(NotificationEvent.DossierReceived, NotificationChannel.InApp, new TemplateInput("T", "N", "<p>x</p>"));
        act.Should().Throw<DomainException>().WithMessage("Chỉ thư điện tử*");
        act = () => TemplateAdmin.Preview(NotificationEvent.DossierReceived, NotificationChannel.Zalo, new TemplateInput("T", "N", null));
        act.Should().Throw<DomainException>().WithMessage("*Zalo*");
    }

    [Theory]
    [InlineData("22:00", "21:00", "07:00", true)]
    [InlineData("06:59", "21:00", "07:00", true)]
    [InlineData("07:00", "21:00", "07:00", false)]
    [InlineData("12:00", "21:00", "07:00", false)]
    [InlineData("12:30", "12:00", "13:00", true)]
    [InlineData("13:00", "12:00", "13:00", false)]
    [InlineData("03:00", "00:00", "00:00", false)]
    public void Quiet_hours_may_pass_midnight(string now, string from, string to, bool quiet) =>
        NotificationPreference.IsQuiet(TimeOnly.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(quiet);

    [Fact]
    public void Essential_messages_reach_those_who_unsubscribed_by_email_and_in_the_application_but_not_by_a_channel_turned_off()
    {
        var preference = new NotificationPreference(Guid.CreateVersion7());
        preference.Change(email: false, sms: false, zalo: true, essentialOnly: true, new TimeOnly(21, 0), new TimeOnly(7, 0), Now);
        preference.Wants(NotificationChannel.Email, essential: true).Should().BeTrue("an appointment or a refusal is always e-mailed");
        preference.Wants(NotificationChannel.Email, essential: false).Should().BeFalse();
        preference.Wants(NotificationChannel.Sms, essential: true).Should().BeFalse();
        preference.Wants(NotificationChannel.Zalo, essential: true).Should().BeTrue();
        preference.Wants(NotificationChannel.Zalo, essential: false).Should().BeFalse("unsubscribed");
        preference.Wants(NotificationChannel.InApp, essential: false).Should().BeFalse();
        preference.Wants(NotificationChannel.InApp, essential: true).Should().BeTrue();
    }

    [Fact]
    public void Failed_attempts_back_off_and_end_in_the_dead_letters()
    {
        var message = new OutboxMessage("k", NotificationEvent.DossierReceived, NotificationChannel.Email, "a@b.vn", null, new Dictionary<string, string>(), Now);
        message.Essential.Should().BeTrue();
        message.AttemptFailed("SMTP: timeout", permanent: false, maxAttempts: 3, Now);
        message.Status.Should().Be(MessageStatus.Pending);
        message.NextAttemptAt.Should().Be(Now.AddMinutes(1));
        message.AttemptFailed("SMTP: timeout", permanent: false, maxAttempts: 3, Now);
        message.NextAttemptAt.Should().Be(Now.AddMinutes(2));
        message.AttemptFailed("SMTP: timeout", permanent: false, maxAttempts: 3, Now);
        message.Status.Should().Be(MessageStatus.Failed);
        OutboxMessage.Backoff(20).Should().Be(TimeSpan.FromHours(6));

        message.Resend(Guid.CreateVersion7(), Now.AddHours(1));
        message.Status.Should().Be(MessageStatus.Pending);
        message.Delivered("id@motcua", Now.AddHours(1));
        message.Should().Match<OutboxMessage>(m => m.Status == MessageStatus.Sent && m.Attempts == 4 && m.LastError == null);

        var refused = new OutboxMessage("r", NotificationEvent.DossierSubmitted, NotificationChannel.Email, "a@b.vn", null, new Dictionary<string, string>(), Now);
        refused.Essential.Should().BeFalse();
        refused.AttemptFailed("550", permanent: true, maxAttempts: 8, Now);
        refused.Status.Should().Be(MessageStatus.Failed);
    }

    [Theory]
    [InlineData(90, null)]
    [InlineData(60, 60)]
    [InlineData(45, 60)]
    [InlineData(30, 30)]
    [InlineData(20, 30)]
    [InlineData(7, 7)]
    [InlineData(0, 7)]
    [InlineData(-1, null)]
    public void A_licence_is_reminded_at_the_nearest_offset_it_has_reached(int daysLeft, int? offset) =>
        Licences.ReminderOffset(daysLeft, [60, 30, 7]).Should().Be(offset);

    [Fact]
    public void A_licence_list_in_csv_is_read_with_semicolons_quotes_a_bom_and_each_bad_row_reported()
    {
        var text = "\uFEFFChủ giấy phép;Thư điện tử;Điện thoại;Số giấy phép;Loại giấy phép;Ngày cấp;Ngày hết hạn\r\n"
            + "\"Công ty \"\"Sen\"\"; chi nhánh 1\";sen@example.vn;;1/GP;\"Giấy phép\nhai dòng\";01/01/2024;2026-12-31\r\n"
            + ";;;;;;\r\n"
            + "Hộ A;;0912 345 678;2/GP;Giấy phép;5/1/2024;01/01/2024\r\n"
            + "Hộ B;;12345;3/GP;Giấy phép;01/01/2024;01/01/2027";
        var rows = LicenceFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)), "ds.csv");
        rows.Should().HaveCount(3, "the empty row is skipped");
        rows[0].Value.Should().Be(new LicenceRow("Công ty \"Sen\"; chi nhánh 1", null, "sen@example.vn", null, "1/GP", "Giấy phép\nhai dòng", new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), null));
        rows[1].Should().Be((4, (LicenceRow?)null, "Ngày hết hạn phải sau ngày cấp."));
        rows[2].Problem.Should().Contain("12345");

        var missing = () => LicenceFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes("Chủ giấy phép,Số giấy phép\nA,1")), "ds.csv");
        missing.Should().Throw<DomainException>().WithMessage("Thiếu cột “Loại giấy phép”.");
        var latin1 = () => LicenceFile.Parse(new MemoryStream([0x43, 0x68, 0xE1, 0x0A]), "ds.csv");
        latin1.Should().Throw<DomainException>().WithMessage("*UTF-8*");
    }

    [Fact]
    public void Phones_in_lists_show_their_ends_only()
    {
        Kernel.Ui.Display.Phone("0912345678").Should().Be("0912•••678");
        Kernel.Ui.Display.Phone("113").Should().Be("113");
        Kernel.Ui.Display.Phone(null).Should().BeEmpty();
    }
}
