using System.Globalization;
using System.Text;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Catalog.Search;

/// <summary>
/// In-memory search over procedure names, built for how citizens type: diacritics optional (text is folded),
/// one typo per word forgiven, word order free, the last word completed as a prefix, citizens' words and
/// abbreviations rewritten into the catalog's (<see cref="CatalogSynonyms"/>). Words weigh by rarity (inverse document frequency); a hit's score is the share of
/// the query it covers plus bonuses for words in the same order and for short, exact names, plus a small
/// share for usage weight, so that of near-equally relevant hits the most used comes first. Immutable: rebuilt when the catalog changes, safe to share between threads.
/// </summary>
public sealed class ProcedureSearchIndex : IDisposable
{
    public const int MaxQueryLength = 200;
    private const int MaxQueryTokens = 12;

    private readonly SearchDocument[] documents;
    private readonly int[][] documentTerms;
    private readonly (int Start, int Length)[][] documentSpans;
    private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
    private readonly List<string> terms = [];
    private readonly List<List<int>> postings = [];
    private readonly Dictionary<string, int> byCode = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<(string[] From, string[] To)> synonyms;
    private double[] idf = [];

    public ProcedureSearchIndex(IEnumerable<SearchDocument> source, IEnumerable<(string From, string To)>? synonymPairs = null)
    {
        documents = [.. source];
        documentTerms = new int[documents.Length][];
        documentSpans = new (int, int)[documents.Length][];
        for (var d = 0; d < documents.Length; d++)
        {
            byCode[documents[d].Code] = d;
            var tokens = Tokenize(documents[d].Name);
            documentTerms[d] = new int[tokens.Count];
            documentSpans[d] = new (int, int)[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                var id = TermId(tokens[i].Folded);
                documentTerms[d][i] = id;
                documentSpans[d][i] = (tokens[i].Start, tokens[i].Length);
                var list = postings[id];
                if (list.Count == 0 || list[^1] != d)
                {
                    list.Add(d);
                }
            }
        }

        idf = new double[terms.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            idf[t] = Math.Log(1 + ((documents.Length + 1.0) / postings[t].Count));
        }

        scratch = new ThreadLocal<Scratch>(() => new Scratch(documents.Length));
        synonyms = [.. (synonymPairs ?? CatalogSynonyms.Default)
            .Select(p => (Split(p.From), Split(p.To)))];
    }

    public int Count => documents.Length;

    public SearchDocument? Find(string code) => byCode.TryGetValue(code, out var d) ? documents[d] : null;

    public SearchResults Search(string? query, SearchFilter filter, int page, int pageSize)
    {
        var ranked = Rank(query, filter, completeLastWord: false);
        var hits = ranked.Skip((page - 1) * pageSize).Take(pageSize).Select(r => ToHit(r)).ToList();
        return new SearchResults(hits, ranked.Count, page, pageSize);
    }

    /// <summary>The catalog without a query: filtered, most used first.</summary>
    public SearchResults Browse(SearchFilter filter, int page, int pageSize)
    {
        var all = Enumerable.Range(0, documents.Length).Where(d => Allowed(d, filter)).OrderByDescending(d => documents[d].Weight).ToList();
        var hits = all.Skip((page - 1) * pageSize).Take(pageSize).Select(d => new SearchHit(documents[d], 0, [])).ToList();
        return new SearchResults(hits, all.Count, page, pageSize);
    }

    /// <summary>Names for the search box as the user types: the last word counts as the start of a word.</summary>
    public IReadOnlyList<SearchHit> Suggest(string? prefix, int max) =>
        [.. Rank(prefix, new SearchFilter(), completeLastWord: true).Take(max).Select(ToHit)];

    /// <summary>Splits a name into words with their positions in the original text, each folded.</summary>
    public static List<(string Folded, int Start, int Length)> Tokenize(string text)
    {
        var tokens = new List<(string, int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text, i))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text, i))
            {
                i++;
            }

            if (i > start)
            {
                var folded = SpellingVariant(VietnameseText.Fold(text[start..i]));
                if (folded.Length > 0)
                {
                    tokens.Add((folded, start, i - start));
                }
            }
        }

        return tokens;
    }

    /// <summary>
    /// Vietnamese writes a final i or y after a consonant both ways (kí/ký, lí/lý, mĩ/mỹ): both are read as i.
    /// </summary>
    private static string SpellingVariant(string syllable)
    {
        if (syllable.Length < 2 || syllable[^1] != 'y')
        {
            return syllable;
        }

        for (var i = 0; i < syllable.Length - 1; i++)
        {
            if ("aeiouy".Contains(syllable[i], StringComparison.Ordinal) || char.IsDigit(syllable[i]))
            {
                return syllable;
            }
        }

        return string.Concat(syllable.AsSpan(0, syllable.Length - 1), "i");
    }

    private static bool IsWordChar(string text, int i)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text[i]);
        return char.IsLetterOrDigit(text[i]) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || (text[i] == '.' && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]));
    }

    private static string[] Split(string phrase) => [.. Tokenize(phrase).Select(t => t.Folded)];

    private int TermId(string term)
    {
        if (!vocabulary.TryGetValue(term, out var id))
        {
            id = terms.Count;
            vocabulary[term] = id;
            terms.Add(term);
            postings.Add([]);
        }

        return id;
    }

    private readonly record struct Ranked(int Document, double Score, bool[] Matched);

    /// <summary>Per-thread work arrays, one slot per document, reused from query to query (stamps avoid clearing).</summary>
    private sealed class Scratch(int documents)
    {
        public int Stamp;
        public readonly int[] WordMark = new int[documents];
        public readonly double[] WordBest = new double[documents];
        public readonly int[] GainMark = new int[documents];
        public readonly double[] Gained = new double[documents];
        public readonly int[] SeenMark = new int[documents];
        public readonly double[] Best = new double[documents];
        public readonly int[] BestVariant = new int[documents];
        public readonly List<int> WordDocs = [];
        public readonly List<int> VariantDocs = [];
        public readonly List<int> Touched = [];
    }

    private readonly ThreadLocal<Scratch> scratch;

    private List<Ranked> Rank(string? query, SearchFilter filter, bool completeLastWord)
    {
        var text = (query ?? "").Length > MaxQueryLength ? query![..MaxQueryLength] : query ?? "";
        var words = Tokenize(text).Select(t => t.Folded).Take(MaxQueryTokens).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        if (words.Count == 1 && byCode.TryGetValue(words[0], out var exact))
        {
            return Allowed(exact, filter) ? [new Ranked(exact, 10, new bool[terms.Count])] : [];
        }

        // The query as typed, and as rewritten by each synonym it contains (slightly less trusted).
        var variants = new List<(List<string> Words, double Trust)> { (words, 1.0) };
        foreach (var (from, to) in synonyms)
        {
            foreach (var (variantWords, trust) in variants.ToList())
            {
                var at = IndexOf(variantWords, from);
                if (at >= 0 && variants.Count < 8)
                {
                    variants.Add(([.. variantWords.Take(at), .. to, .. variantWords.Skip(at + from.Length)], trust * 0.95));
                }
            }
        }

        var s = scratch.Value!;
        var queryStamp = ++s.Stamp;
        s.Touched.Clear();
        var variantTerms = new List<bool[]>();
        var variantPairs = new List<HashSet<long>>();
        var variantPairCount = new List<int>();
        for (var v = 0; v < variants.Count; v++)
        {
            var (variantWords, trust) = variants[v];
            var weights = WordWeights(variantWords);
            var matched = new bool[terms.Count]; // terms of the words that carry meaning: for shortness and highlights
            var variantStamp = ++s.Stamp;
            s.VariantDocs.Clear();
            var total = 0.0;
            for (var i = 0; i < variantWords.Count; i++)
            {
                var word = variantWords[i];
                var known = vocabulary.TryGetValue(word, out var own);
                var prefix = completeLastWord && v == 0 && i == variantWords.Count - 1;
                var wordCandidates = Candidates(word, prefix, known ? own : -1);

                // What the word is worth: its own rarity when the index knows it, else its best stand-in's.
                // A term standing in for it never scores more than the word itself would.
                var worth = wordCandidates.Count == 0 ? 0.5 : known ? idf[own] : wordCandidates.Max(c => idf[c.Term] * c.Quality);
                total += weights[i] * worth;

                var wordStamp = ++s.Stamp;
                s.WordDocs.Clear();
                foreach (var (term, quality) in wordCandidates)
                {
                    if (weights[i] == 1.0)
                    {
                        matched[term] = true;
                    }

                    var gain = Math.Min(idf[term] * quality, worth) * weights[i];
                    foreach (var d in postings[term])
                    {
                        if (s.WordMark[d] != wordStamp)
                        {
                            s.WordMark[d] = wordStamp;
                            s.WordBest[d] = gain;
                            s.WordDocs.Add(d);
                        }
                        else if (gain > s.WordBest[d])
                        {
                            s.WordBest[d] = gain;
                        }
                    }
                }

                foreach (var d in s.WordDocs)
                {
                    if (s.GainMark[d] != variantStamp)
                    {
                        s.GainMark[d] = variantStamp;
                        s.Gained[d] = 0;
                        s.VariantDocs.Add(d);
                    }

                    s.Gained[d] += s.WordBest[d];
                }
            }

            foreach (var d in s.VariantDocs)
            {
                var coverage = Math.Min(s.Gained[d] / total, 1.0) * trust;
                if (s.SeenMark[d] != queryStamp)
                {
                    s.SeenMark[d] = queryStamp;
                    s.Best[d] = coverage;
                    s.BestVariant[d] = v;
                    s.Touched.Add(d);
                }
                else if (coverage > s.Best[d])
                {
                    s.Best[d] = coverage;
                    s.BestVariant[d] = v;
                }
            }

            variantTerms.Add(matched);
            var (pairs, count) = Pairs(Meaningful(variantWords));
            variantPairs.Add(pairs);
            variantPairCount.Add(count);
        }

        // Only names that cover at least half as much of the query as the best one are worth ranking.
        var maxCoverage = 0.0;
        foreach (var d in s.Touched)
        {
            maxCoverage = Math.Max(maxCoverage, s.Best[d]);
        }

        var ranked = new List<Ranked>();
        foreach (var d in s.Touched)
        {
            if (s.Best[d] < maxCoverage * 0.5 || !Allowed(d, filter))
            {
                continue;
            }

            var v = s.BestVariant[d];
            var docTerms = documentTerms[d];
            var matched = variantTerms[v];
            var hits = 0;
            for (var j = 0; j < docTerms.Length; j++)
            {
                if (matched[docTerms[j]])
                {
                    hits++;
                }
            }

            var shortness = (double)hits / docTerms.Length;
            var order = OrderBonus(docTerms, variantPairs[v], variantPairCount[v]);

            // Usage weight (up to ~10^7) adds at most ~0.2: it orders near-equal hits without outvoting relevance.
            var popularity = 0.03 * Math.Log10(documents[d].Weight + 1.0);
            ranked.Add(new Ranked(d, s.Best[d] + (0.25 * shortness) + (0.3 * order) + popularity, matched));
        }

        // Hits far weaker than the best are noise (a shared common word), not answers.
        var top = ranked.Count == 0 ? 0 : ranked.Max(r => r.Score);
        ranked.RemoveAll(r => r.Score < top * 0.5);
        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : documents[b.Document].Weight.CompareTo(documents[a.Document].Weight));
        return ranked;
    }

    /// <summary>The query's adjacent word pairs as term-id pairs (pairs with an unknown word cannot match).</summary>
    private (HashSet<long> Pairs, int Count) Pairs(List<string> words)
    {
        var pairs = new HashSet<long>();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (vocabulary.TryGetValue(words[i], out var a) && vocabulary.TryGetValue(words[i + 1], out var b))
            {
                pairs.Add(((long)a << 32) | (uint)b);
            }
        }

        return (pairs, Math.Max(0, words.Count - 1));
    }

    /// <summary>The share of the query's adjacent word pairs that stand in the same order in the name.</summary>
    private static double OrderBonus(int[] docTerms, HashSet<long> pairs, int count)
    {
        if (count == 0 || pairs.Count == 0)
        {
            return 0;
        }

        var found = 0;
        HashSet<long>? seen = null;
        for (var j = 0; j + 1 < docTerms.Length; j++)
        {
            var pair = ((long)docTerms[j] << 32) | (uint)docTerms[j + 1];
            if (pairs.Contains(pair) && (seen ??= []).Add(pair))
            {
                found++;
            }
        }

        return (double)found / count;
    }

    private static List<string> Meaningful(List<string> words)
    {
        var weights = WordWeights(words);
        return [.. words.Where((_, i) => weights[i] == 1.0)];
    }

    /// <summary>Conversational words ("làm", "cho con", "ở đâu"…) count little; the rest count fully.</summary>
    private static double[] WordWeights(List<string> words)
    {
        var weights = Enumerable.Repeat(1.0, words.Count).ToArray();
        foreach (var phrase in CatalogSynonyms.Conversational)
        {
            for (var i = 0; i + phrase.Length <= words.Count; i++)
            {
                var matches = true;
                for (var j = 0; j < phrase.Length && matches; j++)
                {
                    matches = words[i + j] == phrase[j];
                }

                if (matches)
                {
                    for (var j = 0; j < phrase.Length; j++)
                    {
                        weights[i + j] = 0.15;
                    }
                }
            }
        }

        return weights;
    }

    private bool Allowed(int d, SearchFilter filter)
    {
        var doc = documents[d];
        return (filter.FieldId is null || doc.FieldId == filter.FieldId)
            && (filter.Level is not { } level || level == AgencyLevels.None || (doc.Levels & level) != 0)
            && (filter.Applicant is not { } applicant || applicant == ApplicantTypes.None || (doc.Applicants & applicant) != 0);
    }

    /// <summary>
    /// The terms a query word may stand for: itself; when the index does not know it (a misspelling), the terms one
    /// edit away (words of three letters or more); when it is being typed (prefix), the terms it starts.
    /// </summary>
    private List<(int Term, double Quality)> Candidates(string word, bool prefix, int exact)
    {
        var candidates = new List<(int, double)>();
        if (exact >= 0)
        {
            candidates.Add((exact, 1.0));
        }

        var allowTypo = exact < 0 && word.Length >= 3;
        if (!allowTypo && !prefix)
        {
            return candidates;
        }

        for (var t = 0; t < terms.Count; t++)
        {
            if (t == exact)
            {
                continue;
            }

            var term = terms[t];
            if (prefix && term.Length > word.Length && term.StartsWith(word, StringComparison.Ordinal))
            {
                candidates.Add((t, 0.9));
            }
            else if (allowTypo && Math.Abs(term.Length - word.Length) <= 1 && WithinOneEdit(word, term))
            {
                candidates.Add((t, 0.7));
            }
        }

        return candidates;
    }

    /// <summary>True when the two differ by at most one insertion, deletion, substitution or swap of neighbours.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            var first = -1;
            var differences = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    if (++differences == 1)
                    {
                        first = i;
                    }
                    else if (differences > 2)
                    {
                        return false;
                    }
                }
            }

            return differences == 1
                || (differences == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first] && a[(first + 2)..] == b[(first + 2)..]);
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        if (longer.Length - shorter.Length != 1)
        {
            return false;
        }

        var skipped = false;
        for (int i = 0, j = 0; i < shorter.Length; j++)
        {
            if (shorter[i] == longer[j])
            {
                i++;
            }
            else if (skipped)
            {
                return false;
            }
            else
            {
                skipped = true;
            }
        }

        return true;
    }

    private static int IndexOf(List<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            var found = true;
            for (var j = 0; j < phrase.Length && found; j++)
            {
                found = words[i + j] == phrase[j];
            }

            if (found)
            {
                return i;
            }
        }

        return -1;
    }

    private SearchHit ToHit(Ranked ranked)
    {
        var spans = documentSpans[ranked.Document];
        var docTerms = documentTerms[ranked.Document];
        var highlights = new List<Highlight>();
        for (var i = 0; i < docTerms.Length; i++)
        {
            if (ranked.Matched[docTerms[i]])
            {
                highlights.Add(new Highlight(spans[i].Start, spans[i].Length));
            }
        }

        return new SearchHit(documents[ranked.Document], Math.Round(ranked.Score, 3), highlights);
    }

    /// <summary>The name as HTML-safe segments, matched parts flagged, for rendering with &lt;mark&gt;.</summary>
    public static IEnumerable<(string Text, bool Matched)> Segments(string name, IReadOnlyList<Highlight> highlights)
    {
        var at = 0;
        foreach (var h in highlights.OrderBy(h => h.Start))
        {
            if (h.Start > at)
            {
                yield return (name[at..h.Start], false);
            }

            yield return (name.Substring(h.Start, h.Length), true);
            at = h.Start + h.Length;
        }

        if (at < name.Length)
        {
            yield return (name[at..], false);
        }
    }

    public void Dispose() => scratch.Dispose();

    public override string ToString() => new StringBuilder().Append(documents.Length).Append(" procedures, ").Append(terms.Count).Append(" terms").ToString();
}
