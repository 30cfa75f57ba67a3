using System.Diagnostics;
using System.Globalization;
using MotCua.Catalog.Domain;
using MotCua.Catalog.Search;
using MotCua.Catalog.Seed;

// Catalog search, in process: the seeded catalog plus synthetic procedures, queried as citizens type.
// Usage: dotnet run -c Release --project bench/MotCua.Bench -- [synthetic=30000] [seconds=10] [threads=2]
var synthetic = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30_000;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;

var real = CatalogSeeder.EmbeddedList();
var random = new Random(42);
var documents = real.Select(e => new SearchDocument(e.Code, e.Name, e.Weight, e.Applicants, null, AgencyLevels.None, OnlineService.None)).ToList();

// Synthetic names mix the words of real ones, so that postings and vocabulary grow as a national catalog would.
var words = real.SelectMany(e => e.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
for (var i = 0; i < synthetic; i++)
{
    var length = random.Next(5, 25);
    var name = string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)]));
    documents.Add(new SearchDocument($"8.{i:D6}", name, random.Next(0, 100_000), ApplicantTypes.Citizen, null, AgencyLevels.Commune, OnlineService.None));
}

var build = Stopwatch.StartNew();
var index = new ProcedureSearchIndex(documents);
build.Stop();
Console.WriteLine($"Index: {index} built in {build.Elapsed.TotalMilliseconds:F0} ms");

string[] queries =
[
    "dang ky khai sinh", "giấy khai sinh", "lam giay khai sinh cho con", "dang ky khia sinh", "dang ky ket hon", "tam tru",
    "dang ky thuong tru", "nhap ho khau", "doi cccd", "lam ho chieu", "doi bang lai xe", "tro cap that nghiep",
    "rut bhxh mot lan", "dang ky ho kinh doanh", "xin giay phep xay dung", "chung thuc ban sao", "ly lich tu phap",
    "cap dien moi ha ap", "thong bao luu tru", "xac nhan tinh trang hon nhan",
];

foreach (var q in queries)
{
    index.Search(q, new SearchFilter(), 1, 20); // warm up
}

var latencies = new List<double>[threads];
var stop = Stopwatch.StartNew();
var workers = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
{
    var mine = latencies[t] = new List<double>(100_000);
    var n = t;
    while (stop.Elapsed.TotalSeconds < seconds)
    {
        var started = Stopwatch.GetTimestamp();
        index.Search(queries[n++ % queries.Length], new SearchFilter(), 1, 20);
        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
})).ToArray();
Task.WaitAll(workers);
var all = latencies.SelectMany(l => l).Order().ToList();
double P(double q) => all[Math.Min(all.Count - 1, (int)(q * all.Count))];
Console.WriteLine($"Search: {all.Count} queries in {seconds} s on {threads} threads = {all.Count / (double)seconds:F0}/s; " +
    $"p50 {P(0.50):F3} ms, p95 {P(0.95):F3} ms, p99 {P(0.99):F3} ms, max {all[^1]:F3} ms");
