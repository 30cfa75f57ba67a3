using MotCua.Catalog.Domain;
using MotCua.Catalog.Search;
using MotCua.Catalog.Seed;

namespace MotCua.UnitTests;

/// <summary>Queries as citizens type them, over the real seeded catalog: the expected procedure is in the top 3.</summary>
public class SearchRelevanceTests
{
    private static readonly Lazy<ProcedureSearchIndex> Index = new(() => new ProcedureSearchIndex(
        CatalogSeeder.EmbeddedList().Select(e => new SearchDocument(e.Code, e.Name, e.Weight, e.Applicants, null, AgencyLevels.None, OnlineService.None))));

    public static TheoryData<string, string> Queries => new()
    {
        // Civil status (hộ tịch)
        { "dang ky khai sinh", "1.001193" },
        { "Đăng ký khai sinh", "1.001193" },
        { "đăng kí khai sinh", "1.001193" },
        { "dang ki khai sinh", "1.001193" },
        { "giấy khai sinh", "1.001193" },
        { "lam giay khai sinh cho con", "1.001193" },
        { "khai sinh dang ky", "1.001193" },
        { "dang ky khia sinh", "1.001193" },
        { "ban sao giay khai sinh", "2.000635" },
        { "trich luc ho tich", "2.000635" },
        { "dang ky ket hon", "1.000894" },
        { "ket hon", "1.000894" },
        { "dang ky ket hon voi nguoi nuoc ngoai", "2.000806" },
        { "giay xac nhan doc than", "1.004873" },
        { "xac nhan tinh trang hon nhan", "1.004873" },
        { "dang ky khai tu", "1.000656" },
        { "bao tu", "1.000656" },
        { "nhan cha me con", "1.001022" },
        { "dang ky giam ho", "1.004837" },
        { "nuoi con nuoi", "2.001263" },
        { "cai chinh ho tich", "1.004859" },
        // Residence and identity
        { "dang ky tam tru", "1.004194" },
        { "tam tru", "1.004194" },
        { "dang ky thuong tru", "1.004222" },
        { "nhap ho khau", "1.004222" },
        { "khai bao tam vang", "1.003677" },
        { "tam vang", "1.003677" },
        { "tach ho", "1.010038" },
        { "thong bao luu tru", "2.001159" },
        { "doi cccd", "2.001195" },
        { "cap doi the can cuoc", "2.001195" },
        { "lam can cuoc lan dau", "2.000200" },
        { "cap lai the can cuoc bi mat", "2.001194" },
        { "lam ho chieu", "1.001456" },
        { "cap ho chieu pho thong", "1.001456" },
        { "ho chieu", "1.001456" },
        // Transport, work, insurance
        { "doi bang lai xe", "3.000347" },
        { "doi giay phep lai xe", "3.000347" },
        { "cap lai gplx", "3.000348" },
        { "dang ky xe lan dau", "1.012575" },
        { "tro cap that nghiep", "1.001978" },
        { "huong bao hiem that nghiep", "1.001978" },
        { "che do thai san", "2.000693" },
        { "rut bhxh mot lan", "1.001613" },
        { "bao hiem xa hoi mot lan", "1.001613" },
        { "cap lai the bhyt", "1.002759" },
        // Business and housing
        { "dang ky ho kinh doanh", "1.001612" },
        { "thanh lap ho kinh doanh", "1.001612" },
        { "mo doanh nghiep tu nhan", "2.001610" },
        { "thanh lap doanh nghiep tu nhan", "2.001610" },
        { "giay phep xay dung nha o", "1.009122" },
        { "xin giay phep xay dung", "1.009122" },
        { "ly lich tu phap", "3.000333" },
        { "phieu ly lich tu phap", "3.000333" },
        { "chung thuc ban sao", "2.000815" },
        { "sao y ban chinh", "2.000815" },
        { "lap dien moi", "3.000001" },
        { "cap dien moi ha ap", "3.000001" },
        { "chung nhan du dieu kien an toan thuc pham", "2.000117" },
        { "1.001193", "1.001193" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Citizens_find_the_procedure_in_the_top_three(string query, string expected)
    {
        var top = Index.Value.Search(query, new SearchFilter(), 1, 3).Hits.Select(h => h.Document.Code).ToList();
        top.Should().Contain(expected, "“{0}” should find {1}; got {2}", query, expected, string.Join(", ", top.Select(c => c + " " + Index.Value.Find(c)!.Name)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("' OR 1=1; DROP TABLE Procedures; --")]
    [InlineData("<script>alert(1)</script>")]
    public void Odd_queries_return_a_normal_result(string query)
    {
        var results = Index.Value.Search(query, new SearchFilter(), 1, 20);
        results.Total.Should().BeGreaterThanOrEqualTo(0);
        results.Hits.Should().HaveCountLessThanOrEqualTo(20);
    }

    [Fact]
    public void A_very_long_query_is_cut_and_answered() =>
        Index.Value.Search(string.Concat(Enumerable.Repeat("dang ky khai sinh ", 120)), new SearchFilter(), 1, 5).Hits.Should().NotBeEmpty();

    [Fact]
    public void Matches_are_highlighted_in_the_original_name()
    {
        var hit = Index.Value.Search("dang ky khai sinh", new SearchFilter(), 1, 1).Hits[0];
        var marked = ProcedureSearchIndex.Segments(hit.Document.Name, hit.Highlights).Where(s => s.Matched).Select(s => s.Text).ToList();
        marked.Should().Contain(["đăng", "ký", "khai", "sinh"]);
    }

    [Fact]
    public void Suggestions_complete_the_last_word() =>
        Index.Value.Suggest("dang ky khai si", 5).Select(h => h.Document.Code).Should().Contain("1.001193");

    [Fact]
    public void Filters_narrow_by_applicant()
    {
        var business = Index.Value.Search("dang ky", new SearchFilter(Applicant: ApplicantTypes.Business), 1, 50);
        business.Hits.Should().OnlyContain(h => h.Document.Applicants.HasFlag(ApplicantTypes.Business));
    }

    [Theory]
    [InlineData("khai", "khia", true)]
    [InlineData("sinh", "snh", true)]
    [InlineData("sinh", "sinhh", true)]
    [InlineData("sinh", "xinh", true)]
    [InlineData("sinh", "xinhh", false)]
    [InlineData("ket", "kte", true)]
    [InlineData("ket", "tek", false)]
    public void One_edit_is_forgiven(string a, string b, bool expected) =>
        ProcedureSearchIndex.WithinOneEdit(a, b).Should().Be(expected);
}
