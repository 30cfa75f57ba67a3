using MotCua.Documents.Domain;
using MotCua.Documents.Exchange;
using MotCua.Documents.Exchange.Platform;
using MotCua.Simulators;

namespace MotCua.IntegrationTests;

/// <summary>
/// The client of the national document exchange platform against its simulator (issue 23, item 4): a package sent by
/// one agency's system waits for the recipient's, is fetched whole and acknowledged; wrong secrets, unknown recipients,
/// malformed packages and an unreachable platform each end in a clear error, retryable or not.
/// </summary>
public sealed class PlatformClientTests : IAsyncLifetime
{
    private readonly PlatformSimulator platform = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly PlatformAccount hanoi = new() { Agency = "000.00.00.H26", SystemId = "000.00.00.H26", Secret = "bi-mat-ha-noi" };
    private readonly PlatformAccount langSon = new() { Agency = "000.00.05.H37", SystemId = "LGSP.H37", Secret = "bi-mat-lang-son" };

    private Uri Endpoint => new(platform.BaseUrl);

    public async Task InitializeAsync()
    {
        await platform.StartAsync();
        platform.Register(hanoi.SystemId, hanoi.Secret, hanoi.Agency);
        platform.Register(langSon.SystemId, langSon.Secret, langSon.Agency, "000.12.05.H37");
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task A_package_sent_by_one_agency_waits_for_the_other_is_fetched_whole_and_acknowledged()
    {
        var client = new VxpClient(http, TimeProvider.System);
        var message = new EdXmlMessage(
            EdXmlLayout.DocumentId(hanoi.Agency, new DateOnly(2026, 12, 7), "21/UBND-KSTT"), new EdXmlParty(hanoi.Agency, "Ủy ban nhân dân Thành phố Hà Nội"),
            [new EdXmlParty(langSon.Agency, "Sở Khoa học và Công nghệ tỉnh Lạng Sơn")], "21", "UBND-KSTT", "Hà Nội", new DateOnly(2026, 12, 7), "CV", "Công văn",
            "V/v phối hợp liên thông văn bản điện tử", "Hoàng Đức Minh", "Phó Chủ tịch", null, Urgency.Normal,
            [new EdXmlAttachment("a1", "21-ubnd.pdf", "application/pdf", DossierLifeTests.Pdf("Công văn 21"))]);
        var xml = EdXml.Write(message, TimeProvider.System.GetUtcNow());

        var id = await client.SendAsync(Endpoint, hanoi, hanoi.Agency, [langSon.Agency], VxpClient.MessageTypeDocument, xml, CancellationToken.None);
        id.Should().StartWith("VXP");
        (await client.ReceivedAsync(Endpoint, hanoi, VxpClient.MessageTypeDocument, CancellationToken.None)).Should().BeEmpty("the sender has nothing waiting");

        var waiting = (await client.ReceivedAsync(Endpoint, langSon, VxpClient.MessageTypeDocument, CancellationToken.None)).Should().ContainSingle().Subject;
        (waiting.DocId, waiting.From).Should().Be((id, hanoi.Agency));
        var fetched = await client.GetAsync(Endpoint, langSon, waiting.DocId, CancellationToken.None);
        fetched.Should().Be(xml);
        EdXml.Read(fetched).Should().BeOfType<EdXmlMessage>().Which.DocumentId.Should().Be(message.DocumentId);
        await client.UpdateStatusAsync(Endpoint, langSon, waiting.DocId, "done", CancellationToken.None);
        (await client.ReceivedAsync(Endpoint, langSon, VxpClient.MessageTypeDocument, CancellationToken.None)).Should().BeEmpty("acknowledged");
        (await client.ReceivedAsync(Endpoint, langSon, VxpClient.MessageTypeStatus, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Wrong_secrets_unknown_recipients_malformed_packages_and_an_outage_are_clear_errors()
    {
        var client = new VxpClient(http, TimeProvider.System);
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "edxml", "platform-sdk-status.edxml"));

        var forged = new PlatformAccount { Agency = hanoi.Agency, SystemId = hanoi.SystemId, Secret = "doan-mo" };
        var refused = await FluentActions.Awaiting(() => client.ReceivedAsync(Endpoint, forged, VxpClient.MessageTypeDocument, CancellationToken.None))
            .Should().ThrowAsync<PlatformException>();
        refused.Which.Message.Should().Contain("Chữ ký");
        refused.Which.Permanent.Should().BeTrue();

        (await FluentActions.Awaiting(() => client.SendAsync(Endpoint, hanoi, hanoi.Agency, ["000.00.99.H99"], VxpClient.MessageTypeStatus, xml, CancellationToken.None))
            .Should().ThrowAsync<PlatformException>()).Which.Message.Should().Contain("000.00.99.H99");
        (await FluentActions.Awaiting(() => client.SendAsync(Endpoint, hanoi, langSon.Agency, [langSon.Agency], VxpClient.MessageTypeStatus, xml, CancellationToken.None))
            .Should().ThrowAsync<PlatformException>()).Which.Message.Should().Contain("không được gửi thay");
        (await FluentActions.Awaiting(() => client.SendAsync(Endpoint, hanoi, hanoi.Agency, [langSon.Agency], VxpClient.MessageTypeStatus, "<edXML><khong-phai/></edXML>", CancellationToken.None))
            .Should().ThrowAsync<PlatformException>()).Which.Message.Should().Contain("không đúng cấu trúc edXML");
        platform.Packages.Should().BeEmpty("nothing refused is routed");

        platform.Down = true;
        var down = await FluentActions.Awaiting(() => client.SendAsync(Endpoint, hanoi, hanoi.Agency, [langSon.Agency], VxpClient.MessageTypeStatus, xml, CancellationToken.None))
            .Should().ThrowAsync<PlatformException>();
        down.Which.Permanent.Should().BeFalse("the outbox tries again later");
        platform.Down = false;
        await client.SendAsync(Endpoint, hanoi, hanoi.Agency, [langSon.Agency], VxpClient.MessageTypeStatus, xml, CancellationToken.None);
        (await client.ReceivedAsync(Endpoint, langSon, VxpClient.MessageTypeStatus, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_platform_slower_than_the_client_waits_is_a_retryable_error_and_an_answer_in_time_goes_through()
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "edxml", "platform-sdk-status.edxml"));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var client = new VxpClient(impatient, TimeProvider.System);
        platform.Delay = TimeSpan.FromSeconds(2);
        var slow = await FluentActions.Awaiting(() => client.ReceivedAsync(Endpoint, langSon, VxpClient.MessageTypeStatus, CancellationToken.None))
            .Should().ThrowAsync<PlatformException>();
        (slow.Which.Message, slow.Which.Permanent).Should().Be(("Trục liên thông không trả lời kịp.", false));

        platform.Delay = TimeSpan.FromMilliseconds(100);
        await new VxpClient(http, TimeProvider.System).SendAsync(Endpoint, hanoi, hanoi.Agency, [langSon.Agency], VxpClient.MessageTypeStatus, xml, CancellationToken.None);
        (await new VxpClient(http, TimeProvider.System).ReceivedAsync(Endpoint, langSon, VxpClient.MessageTypeStatus, CancellationToken.None)).Should().ContainSingle("slow is not lost");
    }
}
