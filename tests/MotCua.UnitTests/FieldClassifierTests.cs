using MotCua.Catalog.Domain;
using MotCua.Catalog.Seed;

namespace MotCua.UnitTests;

public class FieldClassifierTests
{
    [Theory]
    [InlineData("Thủ tục đăng ký khai sinh", "Hộ tịch")]
    [InlineData("Đăng ký tạm trú", "Cư trú")]
    [InlineData("Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)", "Xuất nhập cảnh")]
    [InlineData("Cấp đổi thẻ căn cước (thực hiện tại cấp tỉnh)", "Căn cước")]
    [InlineData("Giải quyết hưởng trợ cấp thất nghiệp", "Việc làm")]
    [InlineData("Đăng ký thành lập hộ kinh doanh", "Đăng ký kinh doanh")]
    [InlineData("Cấp điện mới từ lưới điện hạ áp", "Điện lực")]
    [InlineData("Đổi giấy phép lái xe", "Giao thông")]
    [InlineData("Cấp Phiếu Lý lịch tư pháp cho công dân Việt Nam", "Tư pháp")]
    [InlineData("Cấp Giấy phép kiểm dịch thực vật nhập khẩu đối với vật thể thuộc diện kiểm dịch", "Nông nghiệp")]
    [InlineData("Thanh toán trực tiếp chi phí khám, chữa bệnh BHYT/Cấp giấy chứng nhận", "Bảo hiểm y tế")]
    [InlineData("Đăng ký hoạt động văn phòng đại diện của doanh nghiệp", "Đăng ký kinh doanh")]
    public void Common_procedures_get_their_field(string name, string field) =>
        FieldClassifier.Classify(name).Should().Be(field);

    [Fact]
    public void At_least_half_of_the_seeded_procedures_get_a_known_field()
    {
        var list = CatalogSeeder.EmbeddedList();
        var classified = list.Select(e => FieldClassifier.Classify(e.Name)).ToList();
        classified.Where(f => f is not null).Should().OnlyContain(f => Field.Standard.Contains(f!));
        classified.Count(f => f is not null).Should().BeGreaterThan(list.Count / 2);
    }
}
