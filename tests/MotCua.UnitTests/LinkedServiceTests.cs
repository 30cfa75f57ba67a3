using MotCua.Catalog.Domain;
using MotCua.Catalog.Linked;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>The shape of a linked service: its stages, the results that feed later members, and its shared documents.</summary>
public class LinkedServiceTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);

    private static LinkedService Define(IReadOnlyList<LinkedMember> members, IReadOnlyList<SharedDocument>? shared = null) =>
        LinkedService.Define("khai-sinh", "2.000986", "Liên thông đăng ký khai sinh", null, members, shared ?? [], [SharedData.FullName], "admin", Now);

    [Fact]
    public void The_birth_service_runs_birth_registration_first_and_feeds_its_certificate_to_the_two_others()
    {
        var service = Define(
            [new(1, "1.001193", MemberAgency.Commune), new(2, "1.004222", MemberAgency.CommunePolice, "1.001193", "Giấy khai sinh"), new(2, "1.001939", MemberAgency.Assigned, "1.001193", "Giấy khai sinh")],
            [new("Tờ khai đăng ký khai sinh", DocumentCopyKind.Original, true, ["1.001193"])]);
        service.FirstStage.Select(m => m.ProcedureCode).Should().Equal("1.001193");
        service.Members.Where(m => m.Stage == 2).Should().OnlyContain(m => m.InputFrom == "1.001193");
    }

    [Fact]
    public void A_badly_shaped_service_is_refused_with_the_reason()
    {
        var one = () => Define([new(1, "1.001193", MemberAgency.Commune)]);
        one.Should().Throw<DomainException>().WithMessage("*từ 2 đến*");
        var gap = () => Define([new(1, "1.001193", MemberAgency.Commune), new(3, "1.004222", MemberAgency.CommunePolice)]);
        gap.Should().Throw<DomainException>().WithMessage("*liên tục*");
        var twice = () => Define([new(1, "1.001193", MemberAgency.Commune), new(2, "1.001193", MemberAgency.Commune)]);
        twice.Should().Throw<DomainException>().WithMessage("*một lần*");
        var forward = () => Define([new(1, "1.001193", MemberAgency.Commune, "1.004222", "Giấy"), new(2, "1.004222", MemberAgency.CommunePolice)]);
        forward.Should().Throw<DomainException>().WithMessage("*bước trước*");
        var unnamed = () => Define([new(1, "1.001193", MemberAgency.Commune), new(2, "1.004222", MemberAgency.CommunePolice, "1.001193")]);
        unnamed.Should().Throw<DomainException>().WithMessage("*tên giấy tờ*");
        var stray = () => Define([new(1, "1.001193", MemberAgency.Commune), new(2, "1.004222", MemberAgency.CommunePolice)], [new("Tờ khai", DocumentCopyKind.Original, true, ["1.000656"])]);
        stray.Should().Throw<DomainException>().Where(e => e.Field == "sharedDocuments");
        var slug = () => LinkedService.Define("Khai Sinh!", null, "Liên thông đăng ký khai sinh", null, [new(1, "1.001193", MemberAgency.Commune), new(2, "1.004222", MemberAgency.CommunePolice)], [], [], "admin", Now);
        slug.Should().Throw<DomainException>().Where(e => e.Field == "code");
    }
}
