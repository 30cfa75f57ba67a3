using System.Globalization;

namespace MotCua.Queueing.Domain;

/// <summary>
/// The spoken call "Mời số A1023 đến quầy số 3": its text, and the recorded clips the board plays in order (the
/// ticket's letters and digits one by one, the counter's number as Vietnamese says it). The clips are shipped in
/// <c>wwwroot/announce</c> (made by <c>tools/announce-clips.sh</c> with espeak-ng), so a board needs no internet.
/// </summary>
public static class Announcement
{
    public const string ClipPath = "/_content/MotCua.Queueing/announce/";

    /// <summary>Every clip and what it says: the script that records them and the test that checks them read this.</summary>
    public static IReadOnlyDictionary<string, string> Clips { get; } = BuildClips();

    public static string Text(string number, int counter) => $"Mời số {number} đến quầy số {counter.ToString(CultureInfo.InvariantCulture)}";

    public static IReadOnlyList<string> ClipsFor(string number, int counter)
    {
        var clips = new List<string> { "moi-so" };
        foreach (var c in number)
        {
            clips.Add(c switch
            {
                >= 'A' and <= 'Z' => "chu-" + char.ToLowerInvariant(c),
                >= '0' and <= '9' => "so-" + c,
                _ => throw new ArgumentException($"No clip for '{c}' in {number}.", nameof(number)),
            });
        }

        clips.Add("den-quay-so");
        clips.AddRange(NumberClips(counter));
        return clips;
    }

    /// <summary>A number 1–999 as Vietnamese reads it: 3 "ba", 10 "mười", 15 "mười lăm", 21 "hai mươi mốt", 105 "một trăm linh năm".</summary>
    public static IReadOnlyList<string> NumberClips(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 999);
        var clips = new List<string>();
        var (hundreds, tens, units) = (n / 100, n / 10 % 10, n % 10);
        if (hundreds > 0)
        {
            clips.Add("so-" + hundreds);
            clips.Add("tram");
            if (tens == 0 && units > 0)
            {
                clips.Add("linh");
            }
        }

        if (tens == 1)
        {
            clips.Add("muoi");
        }
        else if (tens > 1)
        {
            clips.Add("so-" + tens);
            clips.Add("muoi-2");
        }

        if (units > 0)
        {
            clips.Add((tens, units) switch
            {
                ( > 1, 1) => "mot-2",
                ( > 0, 5) => "lam",
                ( > 1, 4) => "tu-2",
                _ => "so-" + units,
            });
        }

        return clips;
    }

    public static string Url(string clip) => ClipPath + clip + ".oga";

    private static Dictionary<string, string> BuildClips()
    {
        var clips = new Dictionary<string, string>
        {
            ["moi-so"] = "Mời số", ["den-quay-so"] = "đến quầy số", ["tram"] = "trăm", ["linh"] = "linh", ["muoi"] = "mười", ["muoi-2"] = "mươi",
            ["mot-2"] = "mốt", ["tu-2"] = "tư", ["lam"] = "lăm",
        };
        string[] digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
        for (var d = 0; d < 10; d++)
        {
            clips["so-" + d] = digits[d];
        }

        // The letters as Vietnamese names them (the Latin ones Vietnamese lacks as their usual names).
        string[] letters = ["a", "bê", "xê", "dê", "e", "ép", "giê", "hát", "i", "gi", "ca", "e lờ", "em mờ", "en nờ", "o", "pê", "quy", "e rờ", "ét", "tê", "u", "vê", "vê kép", "ích", "i dài", "dét"];
        for (var i = 0; i < 26; i++)
        {
            clips["chu-" + (char)('a' + i)] = letters[i];
        }

        return clips;
    }
}
