using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MotCua.Documents.Credentials;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>The expiry warnings of an official's certificate: once at 30 days, once at 7, none after it expired or was retired.</summary>
public sealed class SigningCredentialRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static SigningCredential Expiring(int daysLeft)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Hoàng Đức Minh, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        // Ends at noon, Vietnam's time, on the day daysLeft after today.
        var end = new DateTimeOffset(Today.AddDays(daysLeft).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7));
        using var certificate = request.CreateSelfSigned(end.AddYears(-2), end);
        return SigningCredential.FromPkcs12(Ids.New(), certificate, [1, 2, 3], "quản trị", end.AddYears(-2).UtcDateTime);
    }

    [Theory]
    [InlineData(45, null)]
    [InlineData(31, null)]
    [InlineData(30, 30)]
    [InlineData(12, 30)]
    [InlineData(7, 7)]
    [InlineData(0, 7)]
    [InlineData(-1, null)]
    public void The_first_warning_due_is_the_smallest_threshold_reached(int daysLeft, int? expected) =>
        Expiring(daysLeft).DueWarning(Today).Should().Be(expected);

    [Fact]
    public void Each_threshold_warns_once_and_a_certificate_first_seen_near_its_end_skips_the_larger_one()
    {
        var credential = Expiring(29);
        credential.WarnOfExpiry(Today, "Hoàng Đức Minh", null).Should().BeTrue();
        credential.DomainEvents.OfType<CertificateExpiring>().Single().Should().Match<CertificateExpiring>(e => e.Threshold == 30 && e.DaysLeft == 29);
        credential.WarnOfExpiry(Today.AddDays(1), "Hoàng Đức Minh", null).Should().BeFalse("the 30-day warning was given");
        credential.WarnOfExpiry(Today.AddDays(22), "Hoàng Đức Minh", null).Should().BeTrue("7 days are left");
        credential.WarnOfExpiry(Today.AddDays(25), "Hoàng Đức Minh", null).Should().BeFalse();
        credential.DomainEvents.OfType<CertificateExpiring>().Select(e => e.Threshold).Should().Equal(30, 7);

        var late = Expiring(5);
        late.WarnOfExpiry(Today, "Hoàng Đức Minh", null).Should().BeTrue();
        late.DomainEvents.OfType<CertificateExpiring>().Single().Threshold.Should().Be(7, "no 30-day warning after the 7-day one");
    }

    [Fact]
    public void A_retired_credential_warns_no_more_and_cannot_be_retired_twice()
    {
        var credential = Expiring(10);
        credential.Retire("quản trị", Today.ToDateTime(TimeOnly.MinValue));
        credential.DueWarning(Today).Should().BeNull();
        FluentActions.Invoking(() => credential.Retire("quản trị", Today.ToDateTime(TimeOnly.MinValue))).Should().Throw<DomainException>();
    }
}
