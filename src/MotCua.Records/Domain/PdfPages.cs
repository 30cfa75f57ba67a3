using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Records.Domain;

/// <summary>
/// The number of pages of a PDF, read from its page tree so that nobody types it: the largest <c>/Count</c> of a
/// <c>/Type /Pages</c> node (the root's), else the number of <c>/Type /Page</c> objects; null when the tree sits in
/// compressed object streams and neither can be read. An image is one page.
/// </summary>
public static partial class PdfPages
{
    public static int? Count(ReadOnlySpan<byte> content, string format)
    {
        if (format != "application/pdf")
        {
            return format.StartsWith("image/", StringComparison.Ordinal) ? 1 : null;
        }

        var text = Encoding.Latin1.GetString(content);
        var counts = PagesNode().Matches(text).Select(m => int.Parse(m.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (counts.Count > 0)
        {
            return counts.Max();
        }

        var pages = PageObject().Count(text);
        return pages > 0 ? pages : null;
    }

    [GeneratedRegex(@"/Type\s*/Pages\b[^>]*?/Count\s+(?<n>\d{1,6})|/Count\s+(?<n>\d{1,6})[^>]*?/Type\s*/Pages\b", RegexOptions.CultureInvariant)]
    private static partial Regex PagesNode();

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex PageObject();
}
